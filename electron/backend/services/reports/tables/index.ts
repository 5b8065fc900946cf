/**
 * The monthly report's table builders and the measures read from them. (Issue 15: the tables are
 * being built in parallel; each lands here as `tables/<key>.ts`.)
 */
import type { MeasuresReader, TableBuilders } from '../monthly';

export const MONTHLY_BUILDERS: TableBuilders = {};

export const readMeasures: MeasuresReader = () => ({ coverageBp: null, overdueItems: 0, urgentWithin24hBp: null, careFourHasBp: null });
