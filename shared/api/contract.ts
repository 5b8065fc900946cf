/**
 * The API contract: one map from procedure name to its input schema, output type and who may call
 * it, assembled from each area's procedures. The backend router serves exactly this map; the
 * renderer's client is typed by it. Transports (IPC in Electron, HTTP in browser mode) carry
 * `{ procedure, input, token }` and an envelope back.
 */
import type { z } from 'zod';
import { authProcedures } from '../auth/procedures';
import { orgProcedures } from '../org/procedures';
import { registryProcedures } from '../registry/procedures';
import { auditProcedures } from '../audit/procedures';
import { screeningProcedures } from '../screening/procedures';
import { ledgerProcedures } from '../ledger/procedures';
import { policyProcedures } from '../policy/procedures';
import { assistanceProcedures } from '../assistance/procedures';
import { assistanceListProcedures } from '../assistance/lists';
import { reviewProcedures } from '../assistance/reviews';
import { batchProcedures } from '../assistance/batches';
import { syncProcedures } from '../sync/procedures';
import { careProcedures } from '../care/procedures';
import { appProcedures } from '../time/procedures';
import { householdProcedures } from '../household/procedures';
import { backupProcedures } from '../backup/procedures';
import { databaseProcedures } from '../database/procedures';
import { reportSnapshotProcedures } from '../reports/snapshots';
import { reportsProcedures } from '../reports/procedures';
import { reportExportProcedures } from '../reports/export-procedures';
import { homeProcedures } from '../home/procedures';
import { departmentDataProcedures, warningsProcedures } from '../warnings/procedures';
import { leftBehindProcedures } from '../left-behind/procedures';

export type { Access, ProcedureDef } from './proc';

export const contract = {
  ...authProcedures,
  ...orgProcedures,
  ...registryProcedures,
  ...auditProcedures,
  ...screeningProcedures,
  ...ledgerProcedures,
  ...policyProcedures,
  ...assistanceProcedures,
  ...assistanceListProcedures,
  ...reviewProcedures,
  ...batchProcedures,
  ...syncProcedures,
  ...careProcedures,
  ...appProcedures,
  ...householdProcedures,
  ...backupProcedures,
  ...databaseProcedures,
  ...reportSnapshotProcedures,
  ...reportsProcedures,
  ...reportExportProcedures,
  ...homeProcedures,
  ...warningsProcedures,
  ...leftBehindProcedures,
  ...departmentDataProcedures,
} as const;


export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type InputOf<P extends ProcedureName> = z.input<Contract[P]['input']>;
export type ParsedInputOf<P extends ProcedureName> = z.output<Contract[P]['input']>;
export type OutputOf<P extends ProcedureName> = NonNullable<Contract[P]['output']>;

export const PROCEDURES = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Wire envelope returned by every transport. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: import('../errors').ApiErrorBody };
