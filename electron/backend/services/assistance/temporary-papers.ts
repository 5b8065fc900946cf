/**
 * 先行救助 (DOMAIN §4: "情况紧急无法提供相关证明材料的，可先行救助，再履行相关手续"): a supervisor
 * approves and pays an urgent application before its papers are complete, recording the papers owed
 * and the day they are due (today + the dated parameter temporary.papersDueDays); papers received are
 * recorded later, and the application is 材料逾期 once the day has passed with papers still owed.
 */
import { AppError } from '../../../../shared/errors';
import { labelOf } from '../../../../shared/codes';
import { TEMP_PAPERS, type TempPaper } from '../../../../shared/assistance/codes';
import type { OwedPaper } from '../../../../shared/assistance/types';
import { owedText, paperName } from '../../../../shared/assistance/papers';
import { addDays } from '../../../../shared/time/calendar-days';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { addEvent } from '../ledger/items';
import { requireParam } from '../policy/params';

export interface AdvanceInput {
  papersOwed?: TempPaper[] | null;
  papersOther?: string | null;
}

/** The papers owed and their due day for a 先行救助 approved today; refuses a list that cannot stand. */
export function papersOwedOn(store: Store, street: string, input: AdvanceInput, today: string): { papersOwed: OwedPaper[]; papersDueOn: string } {
  const codes = [...new Set(input.papersOwed ?? [])];
  if (codes.length === 0) throw new AppError('invalid-input', '先行救助须至少选择一项待补材料', { field: 'papersOwed' });
  const other = input.papersOther?.trim() || null;
  if (codes.includes('other') && !other) throw new AppError('invalid-input', '待补材料选择“其他”时须写明材料名称', { field: 'papersOther' });
  const days = requireParam<number>(store, street, 'temporary.papersDueDays', today);
  return {
    papersOwed: codes.map((code) => ({ code, note: code === 'other' ? other : null, receivedOn: null })),
    papersDueOn: addDays(today, days),
  };
}

interface PapersRow {
  id: string;
  papers_owed: string | null;
  papers_due_on: string | null;
  papers_completed_at: string | null;
  ledger_item_id: string | null;
}

/** Records papers received for a 先行救助; the last one completes the papers. */
export function recordTemporaryPapers(store: Store, actor: Actor, input: { id: string; received: TempPaper[]; note?: string | null }): void {
  store.tx(() => {
    const r = store
      .prepare('SELECT id, papers_owed, papers_due_on, papers_completed_at, ledger_item_id FROM temporary_assistance WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
      .get(input.id, actor.streetCode) as PapersRow | undefined;
    if (!r) throw new AppError('not-found', '临时救助申请不存在', { field: 'id' });
    const papers = r.papers_owed ? (JSON.parse(r.papers_owed) as OwedPaper[]) : [];
    const outstanding = papers.filter((p) => p.receivedOn === null);
    if (outstanding.length === 0) throw new AppError('nothing-to-do', '该申请没有待补材料', { field: 'id' });
    const received = [...new Set(input.received)];
    if (received.length === 0) throw new AppError('invalid-input', '请选择已补交的材料', { field: 'received' });
    const notOwed = received.filter((c) => !outstanding.some((p) => p.code === c));
    if (notOwed.length > 0) {
      throw new AppError('invalid-input', `以下材料不在待补清单中或已补交：${notOwed.map((c) => labelOf(TEMP_PAPERS, c)).join('、')}`, { field: 'received' });
    }
    const today = shanghaiDate(store.nowDate());
    const next = papers.map((p) => (p.receivedOn === null && received.includes(p.code) ? { ...p, receivedOn: today } : p));
    const complete = next.every((p) => p.receivedOn !== null);
    const names = papers.filter((p) => received.includes(p.code)).map(paperName).join('、');
    store.update(
      'temporary_assistance',
      r.id,
      { papersOwed: next, papersCompletedAt: complete ? store.nowIso() : null },
      actor,
      { action: 'assistance.temporary.papers', summary: `临时救助：补交材料 ${names}${complete ? '，材料已补齐' : ''}`, detail: { received, note: input.note ?? null } },
    );
    // The case's ledger item keeps the history of the papers too (closed or not).
    if (r.ledger_item_id) {
      const still = owedText(next, r.papers_due_on);
      addEvent(store, actor, r.ledger_item_id, { kind: 'application:papers', note: `补交材料：${names}；${still ?? '材料已补齐'}` });
    }
  });
}
