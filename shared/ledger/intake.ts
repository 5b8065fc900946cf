/**
 * Clue intake (线索接收): what the grid system (网格系统) or the city/district bureau posts to the
 * district server's `POST /v1/clues`, one clue or a batch. Every message is Chinese and names the
 * field; the server writes nothing unless every clue of the request is valid and resolvable.
 */
import { z } from 'zod';
import { describeZodError, zCode, zIdNumber, zInstant, zOptText, zText } from '../api/zh';
import { findStreet } from '../streets';
import { LEDGER_CATEGORIES, type LedgerSource } from './codes';
import { URGENCY_GRADES } from './deadlines';

/** Senders of clues, by their Chinese name as the brief and the senders spell them. */
export const CLUE_SOURCES = [
  { code: 'city-bureau', label: '市局反馈线索' },
  { code: 'district-bureau', label: '区局反馈线索' },
  { code: 'grid', label: '网格上报' },
  // written by the street's own department-data intake (issue 17), never posted by a sender
  { code: 'department-data', label: '部门数据比对' },
] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number]['code'];

/** The ledger source of a clue, and whether it is to be verified at once (立即核查, issue 4). */
export function clueLedgerSource(s: ClueSource): { source: LedgerSource; immediate: boolean } {
  if (s === 'department-data') return { source: 'department', immediate: false };
  return s === 'grid' ? { source: 'grid-report', immediate: false } : { source: 'bureau-clue', immediate: true };
}

export const MAX_CLUES_PER_REQUEST = 200;

const SENDER_SOURCES = CLUE_SOURCES.filter((s) => s.code !== 'department-data');
const sourceCodes = SENDER_SOURCES.map((s) => s.code) as string[];
const sourceLabels = SENDER_SOURCES.map((s) => s.label) as string[];

export const ClueSchema = z
  .strictObject({
    externalId: zText('线索编号（externalId）', { max: 64 }),
    streetCode: z
      .string({ error: '街道代码缺失' })
      .trim()
      .refine((v) => findStreet(v) !== undefined, { error: '街道代码不是东丽区的街道' }),
    idNumber: zIdNumber('身份证号码').optional(),
    name: zOptText('姓名', 20),
    address: zOptText('住址', 100),
    /** Contact phone of the person (kept with a 待登记线索 for the registration). */
    phone: zOptText('联系电话', 30),
    /** The community (社区/村) by its name, as the sender knows it. */
    community: zOptText('社区（村）', 40),
    category: zCode('问题类别', LEDGER_CATEGORIES),
    urgency: zCode('紧急程度', URGENCY_GRADES).default('2'),
    description: zText('问题描述', { max: 500, multiline: true }),
    /** 市局反馈线索 / 区局反馈线索 / 网格上报, or the codes city-bureau / district-bureau / grid. */
    source: z
      .string({ error: '线索来源缺失' })
      .refine((v) => sourceCodes.includes(v) || sourceLabels.includes(v), {
        error: `线索来源应为 ${sourceLabels.join('、')} 之一`,
      })
      .transform((v) => (CLUE_SOURCES.find((s) => s.code === v || s.label === v)!.code as ClueSource)),
    /** The sender's deadline (ISO instant); omitted: the street's time limit for the grade. */
    dueAt: zInstant('处置时限').nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.idNumber && !(v.name && v.address)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请提供身份证号码，或同时提供姓名和住址' });
    }
  });
export type ClueInput = z.output<typeof ClueSchema>;

const ClueListSchema = z
  .array(ClueSchema, { error: '线索格式不正确' })
  .min(1, { error: '没有线索' })
  .max(MAX_CLUES_PER_REQUEST, { error: `一次最多提交${MAX_CLUES_PER_REQUEST}条线索` });

export interface IntakeIssue {
  /** e.g. `clues.0.idNumber`, or `idNumber` for a single clue. */
  path: string;
  message: string;
}

/** Parses one clue, an array of clues, or `{ clues: [...] }`; all valid or the issues. */
export function parseClueRequest(body: unknown): { ok: true; clues: ClueInput[] } | { ok: false; issues: IntakeIssue[] } {
  let r;
  let prefix: string[] = [];
  if (Array.isArray(body)) r = ClueListSchema.safeParse(body);
  else if (body && typeof body === 'object' && 'clues' in body) {
    r = z.strictObject({ clues: ClueListSchema }).safeParse(body);
  } else r = ClueSchema.safeParse(body ?? undefined);
  if (r.success) {
    const d = r.data as ClueInput | ClueInput[] | { clues: ClueInput[] };
    return { ok: true, clues: Array.isArray(d) ? d : 'clues' in d ? d.clues : [d] };
  }
  if (Array.isArray(body)) prefix = ['clues'];
  return {
    ok: false,
    issues: describeZodError(r.error)
      .slice(0, 20)
      .map((i) => ({
        path: [...prefix, i.field].filter(Boolean).join('.'),
        message: !i.field && /字段|请求内容/.test(i.message) ? '请求内容应为线索（JSON 对象）、线索数组或 { clues: [...] }' : i.message,
      })),
  };
}

export interface ClueResult {
  externalId: string;
  /**
   * The ledger item the clue became; for a 待登记线索, the id the item will have once the street
   * registers the person and converts the clue (derived from the clue's id).
   */
  itemId: string;
  itemNo: string;
  streetCode: string;
  /** False when the same external id had been received before (nothing new written). */
  created: boolean;
  dueAt: string;
  /** The person named is not in the street's registry: the clue waits there as a 待登记线索. */
  pendingRegistration: boolean;
  /** The 待登记线索 (ledger_clue_inbox row), when pendingRegistration. */
  clueId: string | null;
}

export interface ClueIntakeResponse {
  results: ClueResult[];
  serverTime: string;
}
