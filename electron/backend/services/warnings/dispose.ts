/**
 * Disposing of warnings: several warnings of one household at once, each once. 转问题台账 opens one
 * ledger item through the ledger's own create path (source 预警转入, prefilled from the triggers)
 * and links it from every warning disposed with it; 已核实无需救助 and 信息有误 need a reason;
 * 核实死亡 of a death-paid warning records the death through the registry's path (应退尽退) and
 * disposes the warnings as 已核实无需救助.
 */
import { AppError } from '../../../../shared/errors';
import type { LedgerCategory } from '../../../../shared/ledger/codes';
import { WARNING_DISPOSITION_LABELS, WARNING_RULE_LABELS, type WarningDisposition, type WarningRule, type WarningTrigger } from '../../../../shared/warnings/types';
import type { Actor, Store } from '../../store/store';
import { createItem } from '../ledger/items';
import { sayOnce } from '../../../../shared/warnings/say-once';
import { recordDeath } from '../registry/deaths';

export interface DisposeInput {
  warningIds: string[];
  disposition: WarningDisposition;
  reason: string | null;
  confirmDeathOn?: string;
}

/** The ledger category that fits what a rule found. */
const CATEGORY_OF: Record<WarningRule, LedgerCategory> = {
  'medical-month': 'medical',
  'medical-year': 'medical',
  'medical-rise': 'medical',
  'disability-severe': 'care',
  'unemployment-marginal': 'employment',
  'death-paid': 'other',
  'income-over-line': 'living',
};

const NEEDS_REASON: readonly WarningDisposition[] = ['verified-no-need', 'data-wrong'];

interface Row {
  id: string;
  street_code: string;
  household_id: string;
  person_id: string;
  person_name: string | null;
  rule: WarningRule;
  trigger: string;
  due_date: string;
  status: 'open' | 'disposed';
  disposition: WarningDisposition | null;
}

function load(store: Store, streetCode: string | null, ids: string[]): Row[] {
  const unique = [...new Set(ids)];
  const rows = store
    .prepare(
      `SELECT w.*, (SELECT p.name FROM persons p WHERE p.id = w.person_id) AS person_name FROM warnings w
       WHERE w.deleted_at IS NULL AND w.id IN (${unique.map(() => '?').join(',')})${streetCode !== null ? ' AND w.street_code = ?' : ''}
       ORDER BY w.due_date, w.raised_at, w.id`,
    )
    .all(...unique, ...(streetCode !== null ? [streetCode] : [])) as Row[];
  if (rows.length !== unique.length) throw new AppError('not-found', '所选的预警不存在或不属于本街道，请刷新预警列表', { field: 'warningIds' });
  return rows;
}

function check(rows: Row[], input: DisposeInput): void {
  if (new Set(rows.map((r) => r.household_id)).size > 1) {
    throw new AppError('invalid-input', '一次只能处置同一家庭的预警', { field: 'warningIds' });
  }
  const done = rows.find((r) => r.status !== 'open');
  if (done) {
    const how = done.disposition ? WARNING_DISPOSITION_LABELS[done.disposition] : '已处置';
    throw new AppError('warning-disposed', `${done.person_name ?? ''}的“${WARNING_RULE_LABELS[done.rule]}”预警已处置（${how}），不能再次处置`, {
      field: 'warningIds',
    });
  }
  if (input.confirmDeathOn !== undefined) {
    if (input.disposition !== 'verified-no-need') {
      throw new AppError('invalid-input', '核实死亡的处置方式应为“已核实无需救助”', { field: 'disposition' });
    }
    if (rows.some((r) => r.rule !== 'death-paid') || new Set(rows.map((r) => r.person_id)).size > 1) {
      throw new AppError('invalid-input', '只有同一人的“在保（享受待遇）人员死亡”预警可以核实死亡', { field: 'confirmDeathOn' });
    }
  } else if (NEEDS_REASON.includes(input.disposition) && !input.reason) {
    throw new AppError('invalid-input', `请填写原因：处置为“${WARNING_DISPOSITION_LABELS[input.disposition]}”须说明原因`, { field: 'reason' });
  }
}

/** The ledger item's description: what triggered each warning, in the rule's words; one datum said once (say-once.ts). */
function describe(rows: Row[]): string {
  const said = sayOnce(rows.map((r) => ({ personId: r.person_id, personName: r.person_name ?? '', rule: r.rule, trigger: JSON.parse(r.trigger) as WarningTrigger })));
  const lines = said.map((x) => `${x.personName}：${x.label}（${x.summary}）`);
  const text = `预警转入。${lines.join('；')}`;
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

export function disposeWarnings(
  store: Store,
  actor: Actor,
  scope: string | null,
  input: DisposeInput,
  disposedByName: string,
): { disposed: number; ledgerItemId: string | null } {
  return store.tx(() => {
    const rows = load(store, scope, input.warningIds);
    check(rows, input);
    // a district user writes into the street's partition the warnings belong to
    const writer: Actor = { ...actor, streetCode: rows[0]!.street_code };
    let ledgerItemId: string | null = null;
    let reason = input.reason;
    if (input.disposition === 'to-ledger') {
      const people = new Set(rows.map((r) => r.person_id));
      ledgerItemId = createItem(store, writer, {
        source: 'warning',
        householdId: rows[0]!.household_id,
        personId: people.size === 1 ? rows[0]!.person_id : null,
        // the warning due soonest decides what kind of problem it is
        category: CATEGORY_OF[rows[0]!.rule],
        urgency: '2',
        immediate: false,
        dueAt: null,
        description: describe(rows),
        handlerName: null,
      });
    }
    if (input.confirmDeathOn !== undefined) {
      const p = store.prepare('SELECT died_on FROM persons WHERE id = ?').get(rows[0]!.person_id) as { died_on: string | null } | undefined;
      if (!p?.died_on) recordDeath(store, writer, { personId: rows[0]!.person_id, diedOn: input.confirmDeathOn, note: '预警核实死亡' });
      reason ??= p?.died_on ? `核实死亡，死亡已于 ${p.died_on} 登记` : `核实死亡（${input.confirmDeathOn}），已登记死亡，待遇按应退尽退停发`;
    }
    const disposedAt = store.nowIso();
    for (const r of rows) {
      store.update(
        'warnings',
        r.id,
        {
          status: 'disposed',
          disposition: input.disposition,
          dispositionReason: reason,
          ledgerItemId,
          disposedAt,
          disposedBy: actor.userId,
          disposedByName,
        },
        writer,
        {
          action: 'warnings.dispose',
          summary: `处置预警：${r.person_name ?? ''}“${WARNING_RULE_LABELS[r.rule]}”，${WARNING_DISPOSITION_LABELS[input.disposition]}${reason ? `（${reason}）` : ''}`,
          detail: { disposition: input.disposition, reason, ledgerItemId, householdId: r.household_id },
        },
      );
    }
    return { disposed: rows.length, ledgerItemId };
  });
}
