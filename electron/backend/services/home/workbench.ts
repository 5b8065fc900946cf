/**
 * The 工作台: per role, what is due. Every figure is counted by the list it opens (the same service
 * function with the same filter, parsed by the list procedure's own schema, or its count variant
 * sharing the list's SQL builder), so a figure and the screen behind it cannot differ. Counts and
 * top-few rows only; each section is kept until a table it read changes (sinceLastChange).
 */
import { contract } from '../../../../shared/api/contract';
import type { Role } from '../../../../shared/codes';
import type { Workbench, WorkbenchDeadline, WorkbenchFigure, WorkbenchList, WorkbenchSection, WorkbenchSync } from '../../../../shared/home/procedures';
import type { LedgerFilter } from '../../../../shared/ledger/schemas';
import { GAP_PROBLEMS } from '../../../../shared/assistance/lists';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { dueList } from '../screening/due';
import { countItems, escalations, listItems } from '../ledger/read';
import { listEnrolments } from '../assistance/read';
import { countTemporary, listTemporary } from '../assistance/temporary';
import { renewalsDue, renewalWindow } from '../care/agreements';
import { listCards } from '../care/cards';
import { addDays } from '../../../../shared/time/calendar-days';
import { fourHavesBoard } from '../care/board';
import { countBatches } from '../assistance/batches';
import { gapCounts } from '../assistance/gap-list';
import { sinceLastChange } from '../../store/since-last-change';
import { reviewsDue } from '../assistance/reviews';
import { countInbox } from '../warnings/inbox';
import { listLeftBehind } from '../left-behind/read';

export interface WorkbenchScope {
  role: Role;
  /** The user's street; null: a district user, who reads every street. */
  streetCode: string | null;
}

/** The input the list procedure's own schema makes of a filter (its defaults filled in). */
function parsed<P extends WorkbenchList['procedure']>(procedure: P, input: WorkbenchList['input']) {
  return contract[procedure].input.parse(input) as never;
}

function figure(key: string, label: string, list: WorkbenchList, count: number, tone: WorkbenchFigure['tone'] = 'plain'): WorkbenchFigure {
  return { key, label, count, tone: count > 0 ? tone : 'plain', list };
}

function visitsSection(store: Store, street: string): WorkbenchSection {
  const due = (key: string, label: string, list: 'today' | 'week' | 'overdue', tone: WorkbenchFigure['tone']) => {
    const l: WorkbenchList = { procedure: 'screening.dueList', input: { list } };
    // The list's total (the list is worked out once per change and cached by the due lists).
    return figure(key, label, l, dueList(store, street, list, { ...(parsed('screening.dueList', l.input) as object), pageSize: 1 }).total, tone);
  };
  return {
    key: 'visits',
    title: '走访排查',
    empty: '今日无到期走访',
    figures: [
      due('visits-today', '今日到期走访（含逾期）', 'today', 'warning'),
      due('visits-week', '本周到期走访（含逾期）', 'week', 'plain'),
      due('visits-overdue', '逾期未走访', 'overdue', 'danger'),
    ],
  };
}

const ledgerList = (input: LedgerFilter): WorkbenchList => ({ procedure: 'ledger.list', input: input as WorkbenchList['input'] });

function ledgerSection(store: Store, scope: string | null): WorkbenchSection {
  const urgent = ledgerList({ status: 'open', urgency: '1' });
  const overdue = ledgerList({ overdueOnly: true });
  const open = ledgerList({ status: 'open' });
  // The 24-hour items nearest their deadline: the list's first page, in its own order.
  const top = listItems(store, scope, { ...(parsed('ledger.list', urgent.input) as object), page: 1, pageSize: 5 } as never);
  const deadlines: WorkbenchDeadline[] = top.rows.map((r) => ({
    id: r.id,
    title: r.headName,
    detail: `${r.communityName} · ${r.description}`,
    deadline: r.currentDueAt,
  }));
  return {
    key: 'ledger',
    title: '问题台账',
    empty: '没有未办结的台账事项',
    figures: [
      figure('ledger-urgent', '一级（24小时）未办结', urgent, top.total, 'danger'),
      figure('ledger-overdue', '超期未办结', overdue, countItems(store, scope, parsed('ledger.list', overdue.input)), 'danger'),
      figure('ledger-open', '全部未办结', open, countItems(store, scope, parsed('ledger.list', open.input))),
    ],
    deadlines,
  };
}

/** Items waiting for this user's action: 核查 (anyone), 审核 / 回头看 / 回访 (supervisors). */
function mineSection(store: Store, role: Role, scope: string | null): WorkbenchSection {
  const count = (l: WorkbenchList) => countItems(store, scope, parsed('ledger.list', l.input));
  const figures: WorkbenchFigure[] = [];
  const pending = ledgerList({ status: 'pending' });
  figures.push(figure('mine-verify', '待核查', pending, count(pending), 'warning'));
  if (role !== 'caseworker') {
    if (scope !== null) {
      const review: WorkbenchList = { procedure: 'assistance.listEnrolments', input: { status: 'investigated' } };
      figures.push(figure('mine-review', '待街道审核（保障申请）', review, listEnrolments(store, scope, parsed('assistance.listEnrolments', review.input)).length, 'warning'));
    }
    const lookBack = ledgerList({ status: 'closed' });
    figures.push(figure('mine-lookback', '已办结待回头看', lookBack, count(lookBack)));
    const chase: WorkbenchList = { procedure: 'ledger.escalations', input: {} };
    figures.push(figure('mine-chase', '转介待回访（部门逾期未复）', chase, escalations(store, scope).referralsToChase.length, 'danger'));
  }
  return { key: 'mine', title: '待我处理', empty: '没有待您处理的事项', figures };
}

function temporarySection(store: Store, street: string): WorkbenchSection {
  const urgent: WorkbenchList = { procedure: 'assistance.listTemporary', input: { openOnly: true, type: 'urgent' } };
  const papers: WorkbenchList = { procedure: 'assistance.listTemporary', input: { papersOverdue: true } };
  const input = parsed('assistance.listTemporary', urgent.input) as { openOnly: boolean; type: 'urgent' };
  // Clocks still running: received, not yet decided (the list puts them first, nearest deadline first).
  const deadlines: WorkbenchDeadline[] = listTemporary(store, street, input)
    .filter((r) => r.status === 'received' && r.deadline)
    .slice(0, 5)
    .map((r) => ({ id: r.id, title: r.name ?? '—', detail: `${r.communityName} · ${r.reason}`, deadline: r.deadline! }));
  return {
    key: 'temporary',
    title: '临时救助',
    empty: '没有未办结的急难型申请',
    figures: [
      figure('temporary-urgent', '急难型未办结', urgent, countTemporary(store, street, input), 'danger'),
      figure('temporary-papers', '先行救助材料逾期未补', papers, countTemporary(store, street, parsed('assistance.listTemporary', papers.input)), 'warning'),
    ],
    deadlines,
  };
}

/** 复审 on schedule: the overdue ones and those due within the notice days (the 复审 list's own rows). */
function reviewsSection(store: Store, street: string): WorkbenchSection {
  // one pass of the list: its counts per state are the totals of the list filtered by that state
  const { counts } = reviewsDue(store, street, parsed('assistance.reviewsDue', { state: 'open' }));
  const review = (key: string, label: string, state: 'overdue' | 'due', tone: WorkbenchFigure['tone']) =>
    figure(key, label, { procedure: 'assistance.reviewsDue', input: { state } }, counts[state], tone);
  return {
    key: 'reviews',
    title: '复审',
    empty: '没有到期的复审',
    figures: [review('reviews-overdue', '逾期未复审', 'overdue', 'danger'), review('reviews-due', '即将到期复审', 'due', 'warning')],
  };
}

function careSection(store: Store, street: string): WorkbenchSection {
  const renewals: WorkbenchList = { procedure: 'care.renewalsDue', input: {} };
  const gaps: WorkbenchList = { procedure: 'care.board', input: { gapsOnly: true } };
  // Cards in use whose validity ends within the renewal notice days (or has ended).
  const cards: WorkbenchList = {
    procedure: 'care.listCards',
    input: { status: 'active', validToBy: addDays(shanghaiDate(store.nowDate()), renewalWindow(store, street)) },
  };
  return {
    key: 'care',
    title: '照料服务',
    empty: '照料协议和服务卡无到期，四有齐全',
    figures: [
      figure('care-renewals', '照料协议即将到期', renewals, renewalsDue(store, street).length, 'warning'),
      figure('care-cards', '照料服务卡到期或即将到期', cards, listCards(store, street, parsed('care.listCards', cards.input)).length, 'warning'),
      figure('care-gaps', '四有缺项（含建议集中供养）', gaps, sinceLastChange(store, `wb-board|${street}`, () => fourHavesBoard(store, street, null, true).length), 'warning'),
    ],
  };
}

/** 留守 records not updated within their cadence, and children past the age limit still open. */
function leftBehindSection(store: Store, street: string): WorkbenchSection {
  const stale: WorkbenchList = { procedure: 'leftBehind.list', input: { filter: 'stale' } };
  const ageOut: WorkbenchList = { procedure: 'leftBehind.list', input: { filter: 'age-out' } };
  const counts = listLeftBehind(store, street, parsed('leftBehind.list', stale.input));
  return {
    key: 'left-behind',
    title: '留守人员',
    empty: '留守人员档案均已按期更新',
    figures: [
      figure('left-behind-stale', '留守档案逾期未更新', stale, counts.staleCount, 'warning'),
      figure('left-behind-age-out', '留守儿童已满年龄待关闭', ageOut, counts.ageOutCount, 'warning'),
    ],
  };
}

function batchesSection(store: Store, street: string): WorkbenchSection {
  const pending: WorkbenchList = { procedure: 'batches.list', input: { status: 'pending' } };
  return {
    key: 'batches',
    title: '发放批次',
    empty: '没有待确认的发放批次',
    figures: [figure('batches-pending', '待确认的发放批次', pending, countBatches(store, street, parsed('batches.list', pending.input)), 'warning')],
  };
}

function gapsSection(store: Store, street: string): WorkbenchSection {
  // The day's gaps are worked out person by person: kept until the next write.
  const counts = sinceLastChange(store, `wb-gaps|${street}`, () => gapCounts(store, street, {}));
  return {
    key: 'gaps',
    title: '应补尽补',
    empty: '没有应补尽补问题',
    figures: GAP_PROBLEMS.map((p) =>
      figure(`gaps-${p.code}`, p.label, { procedure: 'assistance.gapList', input: { problem: p.code } }, counts[p.code], 'warning'),
    ),
  };
}

/** 预警 waiting for the street: households (the inbox's lines), counted by the inbox's own query. */
function warningsSection(store: Store, scope: string | null): WorkbenchSection {
  const open: WorkbenchList = { procedure: 'warnings.inbox', input: { status: 'open' } };
  const overdue: WorkbenchList = { procedure: 'warnings.inbox', input: { status: 'open', overdueOnly: true } };
  const count = (l: WorkbenchList) => countInbox(store, scope, parsed('warnings.inbox', l.input));
  return {
    key: 'warnings',
    title: '预警',
    empty: '暂无待处置预警',
    figures: [figure('warnings-open', '待处置预警（户）', open, count(open), 'warning'), figure('warnings-overdue', '超期未处置预警（户）', overdue, count(overdue), 'danger')],
  };
}

/**
 * Each section is kept until a table it read changes or the day turns (a visit recorded leaves the
 * ledger's, 复审's and 四有's figures as they were). Sections whose figures compare with the time
 * of day (ledger deadlines in hours, temporary assistance's deadlines) are kept for the instant.
 */
function kept(store: Store, key: string, instant: boolean, section: () => WorkbenchSection): WorkbenchSection {
  return sinceLastChange(store, `wb|${key}|${instant ? store.nowIso() : ''}`, section);
}

/** Sections by role: a district user reads the ledger of every street; street work lists are the street's. */
export function workbench(store: Store, scope: WorkbenchScope, sync: WorkbenchSync | null): Workbench {
  const { role, streetCode } = scope;
  const s = streetCode ?? '*';
  const sections: WorkbenchSection[] = [];
  if (streetCode !== null) sections.push(kept(store, `visits|${s}`, false, () => visitsSection(store, streetCode)));
  sections.push(
    kept(store, `ledger|${s}`, true, () => ledgerSection(store, streetCode)),
    kept(store, `mine|${role}|${s}`, true, () => mineSection(store, role, streetCode)),
  );
  if (streetCode !== null) {
    sections.push(
      kept(store, `temporary|${s}`, true, () => temporarySection(store, streetCode)),
      kept(store, `reviews|${s}`, false, () => reviewsSection(store, streetCode)),
      kept(store, `care|${s}`, false, () => careSection(store, streetCode)),
      kept(store, `left-behind|${s}`, false, () => leftBehindSection(store, streetCode)),
    );
    if (role !== 'caseworker') {
      sections.push(kept(store, `batches|${s}`, false, () => batchesSection(store, streetCode)), kept(store, `gaps|${s}`, false, () => gapsSection(store, streetCode)));
    }
  }
  sections.push(kept(store, `warnings|${s}`, false, () => warningsSection(store, streetCode)));
  return { at: store.nowIso(), today: shanghaiDate(store.nowDate()), sections, sync };
}
