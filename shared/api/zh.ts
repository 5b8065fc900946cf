/**
 * zod builders whose messages are Chinese and name the field, so that every refusal at the API
 * boundary tells the user which field is wrong and why. Text, dates, months and instants are
 * checked with the one vocabulary of shared/text/vocabulary.ts.
 */
import { z } from 'zod';
import { parseIdNumber } from '../id-number';
import type { CodeItem } from '../codes';
import {
  dateProblem,
  jsonTextProblem,
  monthProblem,
  normalizeLineEnds,
  parseInstant,
  textProblem,
  type DateKind,
  type TextRule,
} from '../text/vocabulary';
import { UUID_RE } from '../uuid';

/**
 * A string, trimmed (line ends normalised when multi-line), refused with the vocabulary's reason.
 * Built of overwrite and check, not transform, so that a bad field does not stop the object's own
 * refinements from reporting too (a transform's failure aborts its parent).
 */
function zCleanString(label: string, rule: TextRule = {}) {
  return z
    .string({ error: `${label}必须是文字` })
    .overwrite((v) => (rule.multiline ? normalizeLineEnds(v) : v).trim())
    .check((ctx) => {
      const p = textProblem(ctx.value, rule);
      if (p) ctx.issues.push({ code: 'custom', message: `${label}${p}`, input: ctx.value, continue: true });
    });
}

export interface TextOpts extends TextRule {
  max: number;
  min?: number;
}

export function zText(label: string, opts: TextOpts) {
  const min = opts.min ?? 1;
  return zCleanString(label, opts)
    .min(min, { error: min === 1 ? `${label}不能为空` : `${label}至少${min}个字` })
    .max(opts.max, { error: `${label}不能超过${opts.max}个字` });
}

/** Optional text: empty string becomes null. */
export function zOptText(label: string, max: number, rule: TextRule = {}) {
  return zCleanString(label, rule)
    .max(max, { error: `${label}不能超过${max}个字` })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Search or filter text: may be empty, kept as typed (trimmed). */
export function zSearch(label: string, max: number) {
  return zCleanString(label).max(max, { error: `${label}不能超过${max}个字` });
}

export function zCode<const T extends readonly CodeItem[]>(label: string, items: T) {
  const codes = items.map((i) => i.code) as [T[number]['code'], ...T[number]['code'][]];
  return z.enum(codes, { error: `${label}的取值无效` });
}

export function zOptCode<const T extends readonly CodeItem[]>(label: string, items: T) {
  return zCode(label, items)
    .nullish()
    .transform((v) => v ?? null);
}

export function zId(label: string) {
  return z.string({ error: `${label}缺失` }).regex(UUID_RE, { error: `${label}格式无效` });
}

export function zPhone(label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})?$/, {
      error: `${label}格式无效：应为11位手机号或带区号的固定电话`,
    })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A real calendar day, YYYY-MM-DD, within the range of its kind of field (see DATE_RANGES). */
export function zDate(label: string, kind: DateKind = 'event') {
  return z.string({ error: `${label}缺失` }).check((ctx) => {
    const p = dateProblem(ctx.value, kind);
    if (p) ctx.issues.push({ code: 'custom', message: `${label}${p}`, input: ctx.value, continue: true });
  });
}

/** A calendar month, YYYY-MM. */
export function zMonth(label: string) {
  return z.string({ error: `${label}缺失` }).check((ctx) => {
    const p = monthProblem(ctx.value);
    if (p) ctx.issues.push({ code: 'custom', message: `${label}${p}`, input: ctx.value, continue: true });
  });
}

/** An instant (ISO-8601 with Z or an offset), normalised to UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function zInstant(label: string) {
  return z
    .string({ error: `${label}应为时间` })
    .overwrite((v) => {
      const r = parseInstant(v.trim());
      return r.ok ? r.iso : v;
    })
    .check((ctx) => {
      const r = parseInstant(ctx.value);
      if (!r.ok) ctx.issues.push({ code: 'custom', message: `${label}${r.problem}`, input: ctx.value, continue: true });
    });
}

/** Any JSON value (a policy parameter's value) whose strings pass the text rules. */
export function zJsonValue(label: string) {
  return z.unknown().check((ctx) => {
    if (ctx.value === undefined) {
      ctx.issues.push({ code: 'custom', message: `${label}不能为空`, input: ctx.value, continue: true });
      return;
    }
    const p = jsonTextProblem(ctx.value);
    if (p) ctx.issues.push({ code: 'custom', message: `${label}中的文字${p}`, input: ctx.value, continue: true });
  });
}

/** A whole number in [min, max]; `unit` follows the bounds in the messages (e.g. '天', '%'). */
export function zInt(label: string, min: number, max: number, unit = '') {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}须为整数` })
    .min(min, { error: `${label}至少为${min}${unit}` })
    .max(max, { error: `${label}不能超过${max}${unit}` });
}

export function zFen(label: string) {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须以分为单位的整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(100_000_000_00, { error: `${label}数额过大` });
}

/** An 18-digit ID number with a valid GB 11643 check character; normalised to upper case. */
export function zIdNumber(label = '身份证号码') {
  return z
    .string({ error: `${label}缺失` })
    .trim()
    .transform((v, ctx) => {
      const r = parseIdNumber(v);
      if (!r.ok) {
        ctx.addIssue({
          code: 'custom',
          message: r.message.replace(/^身份证号码/, label),
          params: { errorCode: r.reason === 'checksum' ? 'id-number-checksum' : 'id-number-invalid' },
        });
        return z.NEVER;
      }
      return r.info.idNumber;
    });
}

export function zPage() {
  return {
    page: z.number({ error: '页码必须是数字' }).int().min(1, { error: '页码至少为1' }).default(1),
    pageSize: zInt('每页条数', 1, 500).default(50),
  };
}

export interface FieldIssue {
  field: string;
  message: string;
  errorCode?: string;
}

const EXPECTED: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象（JSON 对象）',
  date: '日期',
};

/** A Chinese message for an issue zod described in English (a check without a message of ours). */
function chineseFallback(issue: z.core.$ZodIssue, field: string): string {
  const what = field ? `字段“${field}”` : '请求内容';
  switch (issue.code) {
    case 'invalid_type':
      // Issues carry no input (zod leaves it out); its English text says what was received.
      if (/received undefined/.test(issue.message)) return `${what}缺失`;
      return `${what}应为${EXPECTED[issue.expected] ?? '有效的值'}`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return `${what}最多${issue.maximum}项`;
      if (issue.origin === 'string') return `${what}不能超过${issue.maximum}个字`;
      return `${what}不能大于${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return `${what}至少${issue.minimum}项`;
      if (issue.origin === 'string') return `${what}至少${issue.minimum}个字`;
      return `${what}不能小于${issue.minimum}`;
    case 'invalid_value':
    case 'invalid_union':
      return `${what}的取值无效`;
    case 'invalid_format':
      return `${what}格式无效`;
    default:
      return `${what}的值无效`;
  }
}

/** A key as it may be shown in a message: quoted, control characters escaped, cut short. */
function shownKey(k: string): string {
  const q = JSON.stringify(k);
  return q.length > 42 ? `${q.slice(0, 40)}…"` : q;
}

/** Turns zod issues into field issues with Chinese messages. */
export function describeZodError(err: z.ZodError): FieldIssue[] {
  return err.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.slice(0, 5).map(shownKey).join('、');
      return { field, message: `不允许的字段：${keys}${issue.keys.length > 5 ? ` 等${issue.keys.length}个` : ''}` };
    }
    const params = (issue as { params?: { errorCode?: string } }).params;
    // zod's own English texts (a check without a message of ours) never reach the user.
    const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : chineseFallback(issue, field);
    return { field, message, errorCode: params?.errorCode };
  });
}
