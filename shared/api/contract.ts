/**
 * The API contract: one map from procedure name to its input schema, output type and who may call
 * it. The backend router serves exactly this map; the renderer's client is typed by it. Transports
 * (IPC in Electron, HTTP in browser mode) carry `{ procedure, input, token }` and an envelope back.
 */
import { z } from 'zod';
import type { Role } from '../codes';
import {
  ChangePasswordSchema,
  CreateUserSchema,
  LoginSchema,
  SetupSchema,
  UpdateUserSchema,
  type SessionInfo,
  type SetupStatus,
  type UserInfo,
} from '../auth/schemas';
import { SaveCommunitySchema, SaveGridSchema, type CommunityInfo, type GridInfo } from '../org/schemas';
import {
  CreateHouseholdSchema,
  HouseholdFilterSchema,
  HouseholdPatchSchema,
  ListHouseholdsSchema,
  PersonInputSchema,
  PersonPatchSchema,
  ReasonSchema,
} from '../registry/schemas';
import type {
  FileOut,
  HouseholdDetail,
  HouseholdRow,
  ImportPreview,
  ImportResult,
  Page,
  PersonDetail,
  SearchHit,
} from '../registry/types';
import { zCode, zId, zPage } from './zh';
import { RELATIONS } from '../codes';
import type { AuditEventInfo } from '../audit/types';
import { AuditQuerySchema } from '../audit/types';

/** 'public': no sign-in needed; 'any': any signed-in user; else the roles listed. */
export type Access = 'public' | 'any' | readonly Role[];

export interface ProcedureDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type. */
  output?: O;
}

function proc<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ProcedureDef<I, O> => ({ input, access });
}

const empty = z.strictObject({});
const STAFF: readonly Role[] = ['caseworker', 'supervisor', 'street-admin', 'district-admin'];
const ADMINS: readonly Role[] = ['street-admin', 'district-admin'];
const SUPERVISORS: readonly Role[] = ['supervisor', 'street-admin', 'district-admin'];

export const contract = {
  'setup.status': proc<SetupStatus>()(empty, 'public'),
  'setup.initialize': proc<SessionInfo>()(SetupSchema, 'public'),
  'setup.loadDemo': proc<SetupStatus>()(empty, 'public'),

  'auth.login': proc<SessionInfo>()(LoginSchema, 'public'),
  'auth.logout': proc<{ ok: true }>()(empty, 'any'),
  'auth.me': proc<SessionInfo>()(empty, 'any'),
  'auth.changePassword': proc<{ ok: true }>()(ChangePasswordSchema, 'any'),

  'users.list': proc<UserInfo[]>()(empty, ADMINS),
  'users.create': proc<UserInfo>()(CreateUserSchema, ADMINS),
  'users.update': proc<UserInfo>()(UpdateUserSchema, ADMINS),

  'org.listCommunities': proc<CommunityInfo[]>()(empty, 'any'),
  'org.listGrids': proc<GridInfo[]>()(z.strictObject({ communityId: zId('社区').optional() }), 'any'),
  'org.saveCommunity': proc<CommunityInfo>()(SaveCommunitySchema, ADMINS),
  'org.saveGrid': proc<GridInfo>()(SaveGridSchema, ADMINS),

  'registry.listHouseholds': proc<Page<HouseholdRow>>()(ListHouseholdsSchema, STAFF),
  'registry.search': proc<SearchHit[]>()(
    z.strictObject({
      q: z.string({ error: '搜索内容必须是文字' }).trim().max(50, { error: '搜索内容不能超过50个字' }),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    STAFF,
  ),
  'registry.getHousehold': proc<HouseholdDetail>()(z.strictObject({ id: zId('家庭') }), STAFF),
  'registry.createHousehold': proc<HouseholdDetail>()(CreateHouseholdSchema, STAFF),
  'registry.updateHousehold': proc<HouseholdDetail>()(
    z.strictObject({ id: zId('家庭'), patch: HouseholdPatchSchema }),
    STAFF,
  ),
  'registry.deleteHousehold': proc<{ ok: true }>()(z.strictObject({ id: zId('家庭'), reason: ReasonSchema }), SUPERVISORS),
  'registry.addPerson': proc<PersonDetail>()(
    z.strictObject({ householdId: zId('家庭'), person: PersonInputSchema }),
    STAFF,
  ),
  'registry.updatePerson': proc<PersonDetail>()(z.strictObject({ id: zId('人员'), patch: PersonPatchSchema }), STAFF),
  'registry.movePerson': proc<PersonDetail>()(
    z.strictObject({
      id: zId('人员'),
      toHouseholdId: zId('目标家庭'),
      relation: zCode('与户主关系', RELATIONS),
    }),
    STAFF,
  ),
  'registry.deletePerson': proc<{ ok: true }>()(z.strictObject({ id: zId('人员'), reason: ReasonSchema }), STAFF),
  'registry.exportHouseholds': proc<FileOut>()(HouseholdFilterSchema, STAFF),
  'registry.importTemplate': proc<FileOut>()(empty, STAFF),
  'registry.importPreview': proc<ImportPreview>()(
    z.strictObject({
      fileName: z.string().trim().min(1, { error: '文件名不能为空' }).max(200),
      base64: z
        .string({ error: '文件内容缺失' })
        .min(1, { error: '文件内容为空' })
        .max(30_000_000, { error: '文件过大：导入文件不能超过20MB' }),
    }),
    STAFF,
  ),
  'registry.importCommit': proc<ImportResult>()(z.strictObject({ importId: zId('导入批次') }), STAFF),

  'audit.list': proc<Page<AuditEventInfo>>()(z.strictObject({ ...AuditQuerySchema.shape, ...zPage() }), SUPERVISORS),
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
