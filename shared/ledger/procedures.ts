/** ledger.* procedures: the issue ledger, referrals, escalations, 回头看, export, and the watch ledger. */
import { z } from 'zod';
import { proc, STAFF, SUPERVISORS } from '../api/proc';
import { zCode, zId, zText } from '../api/zh';
import type { FileOut, Page } from '../registry/types';
import { WATCH_STATUSES } from './codes';
import { ClueConvertSchema, ClueDismissSchema, ClueListSchema, type ClueDetail, type ClueList, type ClueRow } from './clues';
import {
  CorrectItemSchema,
  CreateItemSchema,
  ListItemsSchema,
  LookBackSchema,
  ReferralReceiptSchema,
  ReferralReplySchema,
  TransitionSchema,
  WatchAddSchema,
  WatchPromoteSchema,
  zStreetCode,
  type EscalationList,
  type LedgerDetail,
  type LedgerRow,
  type WatchRow,
} from './schemas';

const { page: _p, pageSize: _ps, ...filterShape } = ListItemsSchema.shape;

export const ledgerProcedures = {
  'ledger.create': proc<LedgerDetail>()(CreateItemSchema, STAFF),
  'ledger.list': proc<Page<LedgerRow>>()(ListItemsSchema, STAFF),
  'ledger.get': proc<LedgerDetail>()(z.strictObject({ id: zId('台账事项') }), STAFF),
  'ledger.transition': proc<LedgerDetail>()(TransitionSchema, STAFF),
  /** 类别 (any staff) and 紧急程度 (supervisors: it moves the deadlines), with a reason. */
  'ledger.correct': proc<LedgerDetail>()(CorrectItemSchema, STAFF),
  'ledger.referralReceipt': proc<LedgerDetail>()(ReferralReceiptSchema, STAFF),
  'ledger.referralReply': proc<LedgerDetail>()(ReferralReplySchema, STAFF),
  'ledger.escalations': proc<EscalationList>()(z.strictObject({}), SUPERVISORS),
  'ledger.lookBack': proc<LedgerRow[]>()(LookBackSchema, STAFF),
  'ledger.export': proc<FileOut>()(z.strictObject(filterShape), STAFF),
  'ledger.printList': proc<{ streetName: string; officeName: string; printedAt: string; rows: LedgerRow[] }>()(
    z.strictObject(filterShape),
    STAFF,
  ),
  'ledger.watchList': proc<WatchRow[]>()(
    z.strictObject({ status: zCode('状态', WATCH_STATUSES).optional(), streetCode: zStreetCode.optional() }),
    STAFF,
  ),
  'ledger.watchAdd': proc<WatchRow[]>()(WatchAddSchema, STAFF),
  'ledger.watchPromote': proc<LedgerDetail>()(WatchPromoteSchema, STAFF),
  'ledger.watchEnd': proc<WatchRow[]>()(z.strictObject({ id: zId('关注记录'), reason: zText('解除原因', { max: 200, multiline: true }) }), STAFF),
  'ledger.clueList': proc<ClueList>()(ClueListSchema, STAFF),
  'ledger.clueGet': proc<ClueDetail>()(z.strictObject({ id: zId('线索') }), STAFF),
  'ledger.clueConvert': proc<LedgerDetail>()(ClueConvertSchema, STAFF),
  'ledger.clueDismiss': proc<ClueRow>()(ClueDismissSchema, STAFF),
} as const;
