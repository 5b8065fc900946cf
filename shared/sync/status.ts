/**
 * What the office app tells the user about sync: status, history of runs, refused changes, and the
 * clock-drift warning in words the user can act on. Pure: shared by backend and renderer.
 */
import { z } from 'zod';
import { zText } from '../api/zh';
import { SYNC_REASONS, type SyncReason } from './rejections';
import { MAX_CLOCK_AHEAD_MS, type Scope } from './wire';

/** 'network': the server could not be reached (no reason code from the server). */
export type SyncErrorCode = SyncReason | 'network';

export const NETWORK_REASON = {
  message: '无法连接区级服务器',
  action: '请检查本机网络连接；网络恢复后会自动同步，数据已安全保存在本机。',
} as const;

export function reasonOf(code: string): { message: string; action: string } {
  if (code === 'network') return NETWORK_REASON;
  return (SYNC_REASONS as Record<string, { message: string; action: string }>)[code] ?? SYNC_REASONS['server-error'];
}

/**
 * A device token stored on this PC that cannot be opened here: it was sealed by another PC's (or
 * system account's) key store, as in a backup restored on another PC. The PC is enrolled again.
 */
export const CREDENTIAL_UNOPENABLE = {
  message: '本机保存的同步凭据是在另一台电脑（或另一个系统账号）上加密保存的，在此电脑上无法打开，暂时不能同步',
  action: '请向区级管理员索取本街道的新登记码，由管理员在“同步”页面重新登记本机；本机数据保留不变，登记后未上传的修改会自动上传，其他电脑的修改也会同步到本机。',
} as const;

export interface SyncErrorInfo {
  code: SyncErrorCode;
  message: string;
  action: string;
  at: string;
}

export interface ClockDrift {
  /** Local clock minus server clock, milliseconds (positive: this PC is ahead). */
  ms: number;
  /** 'ok' under a minute; 'warn' noticeable; 'severe' when the server will refuse changes. */
  level: 'ok' | 'warn' | 'severe';
  words: string;
  action: string | null;
}

export type SyncState = 'not-enrolled' | 'syncing' | 'online' | 'offline' | 'error' | 'never';

export interface SyncStatus {
  enrolled: boolean;
  serverUrl: string | null;
  deviceId: string | null;
  scope: Scope | null;
  state: SyncState;
  running: boolean;
  lastSyncedAt: string | null;
  /** Local changes not yet accepted by the server. */
  pendingCount: number;
  /** Remote values waiting (unknown columns until an upgrade, rows whose parent has not arrived). */
  parkedCount: number;
  rejectedCount: number;
  lastError: SyncErrorInfo | null;
  clockDrift: ClockDrift | null;
  /** The newest notice a sync left for the user (e.g. data restored from an older backup). */
  lastNotice: SyncNotice | null;
  /** Set when the stored device token cannot be opened on this PC (CREDENTIAL_UNOPENABLE): enrol again. */
  credentialUnopenable: { message: string; action: string } | null;
  /** While a sync runs: what it has done so far (a first sync of a large street takes a while). */
  progress: SyncProgress | null;
}

export interface SyncProgress {
  /** Rows of the snapshot a new device starts from, applied so far. */
  snapshotRows: number;
  pushed: number;
  pulled: number;
}

/** "已下载 12,000 条" and the like, for a sync under way; empty before anything has moved. */
export function progressText(p: SyncProgress): string {
  const parts: string[] = [];
  const down = p.snapshotRows + p.pulled;
  if (p.pushed > 0) parts.push(`已上传 ${p.pushed.toLocaleString('zh-CN')} 条`);
  if (down > 0) parts.push(`已下载 ${down.toLocaleString('zh-CN')} 条`);
  return parts.join('，');
}

/** Something a sync did on its own that the user should know of. */
export interface SyncNotice {
  at: string;
  /**
   * 'restored-copy': this PC ran on an older copy of its data; its later changes were fetched back.
   * 'bundle-imported': an answer bundle from the district was imported (sync by USB).
   */
  code: 'restored-copy' | 'bundle-imported';
  message: string;
  /** Changes of this device fetched back from the server. */
  recovered: number;
}

export interface SyncRunInfo {
  startedAt: string;
  finishedAt: string;
  trigger: SyncTrigger;
  ok: boolean;
  snapshotRows: number;
  pushed: number;
  rejected: number;
  pulled: number;
  /** Own changes fetched back by a replica restored from an older copy (absent: none). */
  recovered?: number;
  /** What the run did on its own that the user should know of (absent: nothing). */
  notice?: string;
  error: SyncErrorInfo | null;
}

export type SyncTrigger = 'start' | 'interval' | 'local-change' | 'manual' | 'network' | 'enroll';

export interface RejectedChangeInfo {
  hlc: string;
  tableName: string;
  /** Chinese name of the table, e.g. 人员. */
  tableLabel: string;
  /** The record's name, number or address (or its person's, household's), e.g. 张三. */
  recordLabel: string;
  rowId: string;
  code: string;
  message: string;
  action: string;
  field: string | null;
  fields: Record<string, unknown>;
  at: string;
}

function minutesWords(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 3600_000) return `${Math.max(1, Math.round(abs / 60_000))} 分钟`;
  if (abs < 48 * 3600_000) return `${Math.round(abs / 3600_000)} 小时`;
  return `${Math.round(abs / 86_400_000)} 天`;
}

/** The drift between this PC and the server, as the user should read it. */
export function describeDrift(ms: number): ClockDrift {
  const abs = Math.abs(ms);
  if (abs < 60_000) return { ms, level: 'ok', words: '本机时间与服务器一致', action: null };
  const dir = ms > 0 ? '快' : '慢';
  const words = `本机时间比区级服务器${dir}约 ${minutesWords(ms)}`;
  const fix = '请把电脑的日期和时间调整为北京时间（在系统设置中开启“自动设置时间”）。';
  if (ms > MAX_CLOCK_AHEAD_MS) {
    return { ms, level: 'severe', words, action: `超过 5 分钟，服务器会拒收本机的修改。${fix}调整后点击“立即同步”。` };
  }
  return { ms, level: 'warn', words, action: `${fix}时间不准会影响记录的先后顺序和截止日期提醒。` };
}

export const EnrollSchema = z.strictObject({
  serverUrl: zText('服务器地址', { max: 200 }).refine((v) => /^https?:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/i.test(v), {
    error: '服务器地址格式无效，应为 http://地址:端口 或 https://地址',
  }),
  code: zText('登记码', { max: 64, min: 4 }),
  deviceName: zText('设备名称', { max: 60 }).optional(),
});
export type EnrollInput = z.input<typeof EnrollSchema>;

export interface EnrollResult {
  scope: Scope;
  firstSync: { ok: boolean; error: SyncErrorInfo | null };
}

export const ResolveRejectionSchema = z.strictObject({
  hlc: zText('被拒修改', { max: 120 }),
  action: z.enum(['take-server'], { error: '处理方式无效' }),
});

/** 导入同步包: the answer bundle the district wrote (sync by USB), as base64. */
export const ImportBundleSchema = z.strictObject({
  fileName: zText('文件名', { max: 200 }),
  base64: z
    .string({ error: '文件内容缺失' })
    .min(1, { error: '文件内容为空' })
    .max(700_000_000, { error: '文件过大：应答包不能超过500MB' }),
});

/** What 导出同步包 / 导入同步包 did, for the 同步 page. */
export interface BundleExportResult {
  fileName: string;
  base64: string;
  seq: number;
  changes: number;
}

export interface BundleImportResult {
  /** The same answer was imported before: nothing changed. */
  already: boolean;
  seq: number;
  acknowledged: number;
  rejected: number;
  pulled: number;
  /** The server holds more changes than the answer carried: the next sync or bundle brings them. */
  more: boolean;
  message: string;
}

/** Chinese names of the synced tables, for the 同步 page. */
const TABLE_LABELS: Record<string, string> = {
  streets: '街道',
  communities: '社区（村）',
  grids: '网格',
  households: '家庭',
  persons: '人员',
  policy_params: '政策参数',
  users: '用户',
  audit_events: '操作记录',
  enrolments: '救助认定',
  enrolment_steps: '认定步骤',
  income_rise_decisions: '收入增加处理',
  temporary_assistance: '临时救助',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}
