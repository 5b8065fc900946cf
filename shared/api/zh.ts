/**
 * zod builders whose messages are Chinese and name the field, so that every refusal at the API
 * boundary tells the user which field is wrong and why.
 */
import { z } from 'zod';
import { parseIdNumber } from '../id-number';
import type { CodeItem } from '../codes';
import { UUID_RE } from '../uuid';

export function zText(label: string, opts: { max: number; min?: number }) {
  const min = opts.min ?? 1;
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(min, { error: min === 1 ? `${label}不能为空` : `${label}至少${min}个字` })
    .max(opts.max, { error: `${label}不能超过${opts.max}个字` });
}

/** Optional text: empty string becomes null. */
export function zOptText(label: string, max: number) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .nullish()
    .transform((v) => (v ? v : null));
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

export function zDate(label: string) {
  return z
    .string({ error: `${label}缺失` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}应为 YYYY-MM-DD 格式` });
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
    pageSize: z
      .number({ error: '每页条数必须是数字' })
      .int()
      .min(1, { error: '每页条数至少为1' })
      .max(500, { error: '每页条数不能超过500' })
      .default(50),
  };
}

export interface FieldIssue {
  field: string;
  message: string;
  errorCode?: string;
}

/** Turns zod issues into field issues with Chinese messages. */
export function describeZodError(err: z.ZodError): FieldIssue[] {
  return err.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { field, message: `不允许的字段：${issue.keys.join('、')}` };
    }
    const params = (issue as { params?: { errorCode?: string } }).params;
    let message = issue.message;
    // zod's own English fallbacks (e.g. a missing object) are replaced with a Chinese one.
    if (/^[\x00-\x7F]*$/.test(message)) message = field ? `字段 ${field} 的值无效` : '请求内容无效';
    return { field, message, errorCode: params?.errorCode };
  });
}
