/**
 * warnings.* procedures (issue 17): department-data intake (template, preview with per-row errors,
 * commit) and the 预警 inbox (list grouped by household, dispose, the district's view). The
 * contract between the intake, the rules and the screens: names and shapes here; handlers in
 * electron/backend/api/warnings-*-handlers.ts.
 */
import { z } from 'zod';
import { proc, STAFF, SUPERVISORS } from '../api/proc';
import { zDate, zId, zOptText, zPage, zSearch, zText } from '../api/zh';
import type { FileOut, ImportRowError } from '../registry/types';
import {
  DEPARTMENT_SOURCES,
  WARNING_DISPOSITIONS,
  WARNING_RULES,
  type DepartmentSource,
  type WarningDisposition,
  type WarningRule,
  type WarningTrigger,
} from './types';

const zSource = z.enum(DEPARTMENT_SOURCES, { error: '数据来源的取值无效' });

export interface DepartmentImportPreview {
  /** The staged file's id: commit it with warnings.importCommit. */
  previewId: string;
  source: DepartmentSource;
  fileName: string;
  periodStartOn: string;
  periodEndOn: string;
  totalRows: number;
  /** Rows whose ID number is a registered person of this street. */
  matchedRows: number;
  /** Valid rows whose ID number is not registered here (possible unregistered people, 线索). */
  unmatchedRows: number;
  /** Of the unmatched rows, those of the street's area (address or ID region): they become 线索 at commit. */
  clueRows?: number;
  /** Any error refuses the whole file (all-or-nothing, like the registry import). */
  errors: ImportRowError[];
}

export interface DepartmentImportResult {
  importId: string;
  recordsStored: number;
  /** Unmatched rows passed on as 线索. */
  cluesRaised: number;
  warningsRaised: number;
}

export interface DepartmentImportSummary {
  id: string;
  source: DepartmentSource;
  fileName: string;
  periodStartOn: string;
  periodEndOn: string;
  rowCount: number;
  matchedCount: number;
  unmatchedCount: number;
  importedAt: string;
  importedByName: string;
}

export interface WarningView {
  id: string;
  rule: WarningRule;
  ruleLabel: string;
  ruleVersion: string;
  personId: string;
  personName: string;
  trigger: WarningTrigger;
  raisedAt: string;
  dueDate: string;
  overdue: boolean;
  status: 'open' | 'disposed';
  disposition: WarningDisposition | null;
  dispositionReason: string | null;
  ledgerItemId: string | null;
  disposedAt: string | null;
  disposedByName: string | null;
}

/** One household, many warnings: one line of the inbox. */
export interface WarningHouseholdGroup {
  householdId: string;
  headName: string;
  address: string;
  communityName: string;
  /** The household's street (a district PC lists every street's inbox). */
  streetName?: string;
  /** The nearest due date of its open warnings (null when all are disposed). */
  dueDate: string | null;
  openCount: number;
  warnings: WarningView[];
}

export interface WarningInbox {
  total: number;
  page: number;
  pageSize: number;
  groups: WarningHouseholdGroup[];
}

export interface WarningStreetRates {
  streetCode: string;
  streetName: string;
  raised: number;
  open: number;
  overdue: number;
  byDisposition: Record<WarningDisposition, number>;
  /** Disposed / raised, 0–100 (one decimal). */
  disposedPercent: number;
}

/** Department-data intake (services/warnings/intake*, api/warnings-intake-handlers.ts). */
export const departmentDataProcedures = {
  'warnings.importTemplate': proc<FileOut>()(z.strictObject({ source: zSource }), STAFF),
  'warnings.importPreview': proc<DepartmentImportPreview>()(
    z.strictObject({
      source: zSource,
      fileName: zText('文件名', { max: 200 }),
      base64: z
        .string({ error: '文件内容缺失' })
        .min(1, { error: '文件内容为空' })
        .max(30_000_000, { error: '文件过大：导入文件不能超过20MB' }),
      periodStartOn: zDate('数据期间起'),
      periodEndOn: zDate('数据期间止'),
    }),
    SUPERVISORS,
  ),
  'warnings.importCommit': proc<DepartmentImportResult>()(z.strictObject({ previewId: zId('导入批次') }), SUPERVISORS),
  'warnings.listImports': proc<DepartmentImportSummary[]>()(z.strictObject({ source: zSource.optional() }), STAFF),
} as const;

/** The 预警 inbox (services/warnings/inbox.ts, api/warnings-handlers.ts). */
export type WarningInboxFilter = Omit<z.output<(typeof warningsProcedures)['warnings.inbox']['input']>, 'page' | 'pageSize'>;

export const warningsProcedures = {
  'warnings.inbox': proc<WarningInbox>()(
    z.strictObject({
      status: z.enum(['open', 'disposed', 'all'], { error: '状态的取值无效' }).default('open'),
      rule: z.enum(WARNING_RULES, { error: '预警规则的取值无效' }).optional(),
      overdueOnly: z.boolean({ error: '仅看超期应为是或否' }).default(false),
      communityId: zId('社区').optional(),
      search: zSearch('搜索', 50).optional(),
      ...zPage(),
    }),
    STAFF,
  ),
  'warnings.dispose': proc<{ disposed: number; ledgerItemId: string | null }>()(
    z.strictObject({
      warningIds: z.array(zId('预警'), { error: '预警缺失' }).min(1, { error: '请选择预警' }).max(200, { error: '一次最多处理200条预警' }),
      disposition: z.enum(WARNING_DISPOSITIONS, { error: '处置方式的取值无效' }),
      /** Required for 已核实无需救助 and 信息有误. */
      reason: zOptText('原因', 500),
      /**
       * 核实死亡 (death-paid warnings only): the verified date of death. The death is recorded
       * through the registry's own path (应退尽退) and the warnings are disposed as 已核实无需救助.
       */
      confirmDeathOn: zDate('死亡日期').optional(),
    }),
    STAFF,
  ),
  'warnings.districtRates': proc<WarningStreetRates[]>()(z.strictObject({}), ['district-admin']),
} as const;
