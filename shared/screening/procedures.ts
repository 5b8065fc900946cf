/** screening.* procedures: visits, due lists, coverage, and the screening/ledger policy data. */
import { z } from 'zod';
import { ADMINS, emptyInput, proc, STAFF } from '../api/proc';
import { zId } from '../api/zh';
import type { Page } from '../registry/types';
import {
  CoverageSchema,
  DueListSchema,
  ListVisitsSchema,
  RecordRoundSchema,
  RecordVisitSchema,
  SetPolicySchema,
  type Coverage,
  type DueList,
  type RecordVisitResult,
  type RoundResult,
  type ScreeningPolicy,
  type VisitRow,
} from './schemas';

export const screeningProcedures = {
  'screening.recordVisit': proc<RecordVisitResult>()(RecordVisitSchema, STAFF),
  'screening.recordRound': proc<RoundResult>()(RecordRoundSchema, STAFF),
  'screening.listVisits': proc<Page<VisitRow>>()(ListVisitsSchema, STAFF),
  'screening.dueList': proc<DueList>()(DueListSchema, STAFF),
  'screening.coverage': proc<Coverage>()(CoverageSchema, STAFF),
  'screening.policy': proc<ScreeningPolicy>()(emptyInput, STAFF),
  'screening.setPolicy': proc<ScreeningPolicy>()(SetPolicySchema, ADMINS),
  'screening.visitSheet': proc<DueList & { gridName: string; workerName: string | null }>()(
    z.strictObject({ gridId: zId('网格') }),
    STAFF,
  ),
} as const;
