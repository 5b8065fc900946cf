/**
 * 待登记线索: clues from the intake about people not yet in the street's registry, as the street
 * lists, converts (登记并立项) and dismisses (不予立项) them.
 */
import { z } from 'zod';
import { zCode, zId, zOptText, zText } from '../api/zh';
import { checkMembers, HouseholdInputSchema, MembersSchema } from '../registry/schemas';
import { LEDGER_CATEGORIES } from './codes';
import { URGENCY_GRADES, type UrgencyGrade } from './deadlines';
import type { ClueSource } from './intake';
import { zStreetCode } from './schemas';

export const CLUE_STATUSES = [
  { code: 'pending', label: '待登记' },
  { code: 'converted', label: '已立项' },
  { code: 'dismissed', label: '不予立项' },
] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number]['code'];

export const ClueListSchema = z.strictObject({
  status: zCode('状态', CLUE_STATUSES).optional(),
  /** At a district device: one street (omitted: every street). Ignored at a street device. */
  streetCode: zStreetCode.optional(),
});

/**
 * 登记并立项: either the registration of a new household (`household` + `members`, as 新建家庭
 * sends them; `personIndex` is the member the clue is about), or a person already registered
 * (`personId`, when someone registered them meanwhile). Category and urgency default to the clue's.
 */
export const ClueConvertSchema = z
  .strictObject({
    id: zId('线索'),
    household: HouseholdInputSchema.optional(),
    members: MembersSchema.optional(),
    personIndex: z.number({ error: '线索当事人必须是成员序号' }).int().min(0).max(29).default(0),
    personId: zId('已登记人员').optional(),
    category: zCode('问题类别', LEDGER_CATEGORIES).optional(),
    urgency: zCode('紧急程度', URGENCY_GRADES).optional(),
    handlerName: zOptText('经办人', 20),
  })
  .superRefine((v, ctx) => {
    if (v.personId && (v.household || v.members)) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: '已选择已登记人员时不能再登记新家庭' });
      return;
    }
    if (v.personId) return;
    if (!v.household) ctx.addIssue({ code: 'custom', path: ['household'], message: '请登记家庭信息，或选择已登记的人员' });
    if (!v.members) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: '请登记家庭成员' });
      return;
    }
    checkMembers(v.members, ctx);
    if (v.personIndex >= v.members.length) {
      ctx.addIssue({ code: 'custom', path: ['personIndex'], message: '线索当事人须是登记的家庭成员之一' });
    }
  });
export type ClueConvertInput = z.output<typeof ClueConvertSchema>;

export const ClueDismissSchema = z.strictObject({
  id: zId('线索'),
  reason: zText('不予立项原因', { max: 200, multiline: true }),
});

export interface ClueRow {
  id: string;
  streetCode: string;
  streetName: string;
  itemNo: string;
  externalId: string;
  source: ClueSource;
  sender: string | null;
  name: string | null;
  /** Masked in lists; the full number only in the audited detail (ClueDetail, for the registration). */
  idMasked: string | null;
  phone: string | null;
  address: string | null;
  communityName: string | null;
  communityId: string | null;
  category: string;
  urgency: UrgencyGrade;
  description: string;
  receivedAt: string;
  /** The item's completion deadline, counted from receipt (or the sender's own). */
  dueAt: string;
  status: ClueStatus;
  itemId: string | null;
  householdId: string | null;
  personId: string | null;
  handledAt: string | null;
  handledBy: string | null;
  dismissReason: string | null;
  /** A person of the street already registered with the clue's ID number (registered meanwhile). */
  registered: { personId: string; householdId: string; name: string; address: string } | null;
}

/** One clue opened for registration (登记并立项): with the full ID number; the view is audited. */
export interface ClueDetail extends ClueRow {
  idNumber: string | null;
}

export interface ClueList {
  rows: ClueRow[];
  /** Pending clues in scope, whatever the status filter (the badge). */
  pendingCount: number;
}
