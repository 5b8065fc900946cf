/**
 * A realistic hand-built monthly 调度 report (张贵庄街道, November 2026), every table present, for the
 * tests of the parts laid over the report's shape (Excel export, print, charts) while the table
 * builders are made elsewhere. Figures agree across tables and with the measures.
 */
import { MonthlyReportSchema, type MonthlyReport, type ReportColumn, type ReportRow, type ReportTable } from '../monthly-report';

const count = (key: string, label: string): ReportColumn => ({ key, label, unit: 'count' });
const fen = (key: string, label: string): ReportColumn => ({ key, label, unit: 'fen' });
const share = (key: string, label: string, num: string, den: string): ReportColumn => ({ key, label, unit: 'bp', ratioOf: { num, den } });

/** num ÷ den in basis points, rounded half up; null when nothing to divide. */
export function bpOf(num: number, den: number): number | null {
  return den === 0 ? null : Math.round((num * 10000) / den);
}

function row(key: string, label: string, cells: Record<string, number | null>): ReportRow {
  return { key, label, cells };
}

/** Screening rows: [community, planned, done, overdue]. */
export const SAMPLE_COMMUNITIES: [string, number, number, number][] = [
  ['詹滨西里社区', 412, 398, 14],
  ['詹滨东里社区', 355, 331, 24],
  ['驯海路社区', 298, 296, 2],
  ['春霞里社区', 240, 201, 39],
  ['天欣花园社区', 187, 187, 0],
];
const GROUPS: [string, string, number, number, number][] = [
  ['dibao', '低保家庭', 620, 598, 22],
  ['tekun-home', '分散供养特困人员', 96, 90, 6],
  ['left-behind', '留守儿童/妇女/老年人', 138, 121, 17],
];

function screening(): ReportTable {
  const cells = (p: number, d: number, o: number) => ({ planned: p, done: d, overdue: o, coverage: bpOf(d, p) });
  const t = SAMPLE_COMMUNITIES.reduce((s, [, p, d, o]) => [s[0]! + p, s[1]! + d, s[2]! + o], [0, 0, 0]) as [number, number, number];
  return {
    key: 'screening',
    title: '排查覆盖',
    definition: '应走访：本月内按排查频次到期的家庭（人员）；已走访：本月内有走访记录的；逾期：到期未走访且已超过到期日的。覆盖率 = 已走访 ÷ 应走访。',
    columns: [count('planned', '应走访'), count('done', '已走访'), count('overdue', '逾期未走访'), share('coverage', '覆盖率', 'done', 'planned')],
    rows: [
      ...SAMPLE_COMMUNITIES.map(([name, p, d, o]) => row(`community:${name}`, name, cells(p, d, o))),
      ...GROUPS.map(([code, label, p, d, o]) => row(`group:${code}`, label, cells(p, d, o))),
    ],
    total: row('total', '合计', cells(...t)),
  };
}

function problems(): ReportTable {
  return {
    key: 'problems',
    title: '发现问题',
    definition: '本月登记入问题台账的问题，按问题类别、紧急程度和来源分列；同一问题重复登记的只计一次。',
    columns: [count('found', '发现'), count('urgent', '其中24小时内处置'), count('closed', '已销号')],
    rows: [
      row('category:living', '基本生活', { found: 23, urgent: 4, closed: 17 }),
      row('category:medical', '医疗', { found: 11, urgent: 2, closed: 7 }),
      row('category:care', '照料', { found: 9, urgent: 1, closed: 8 }),
      row('source:visit', '走访发现', { found: 30, urgent: 5, closed: 24 }),
      row('source:hotline', '热线转办', { found: 13, urgent: 2, closed: 8 }),
    ],
    total: row('total', '合计', { found: 43, urgent: 7, closed: 32 }),
  };
}

function ledger(): ReportTable {
  return {
    key: 'ledger',
    title: '台账流转',
    definition: '新登记、办结按登记和销号时间计入本月；时限内办结率 = 时限内办结 ÷ 办结；超期未办结为月末仍未办结且已过处置时限的台账。',
    columns: [
      count('opened', '新登记'),
      count('closed', '办结'),
      count('closedInLimit', '时限内办结'),
      share('inLimitShare', '时限内办结率', 'closedInLimit', 'closed'),
      count('overdue', '超期未办结'),
      count('referred', '转介部门'),
      count('reviewed', '回头看'),
      count('reviewProblems', '回头看发现问题'),
    ],
    rows: [row('all', '本月', { opened: 43, closed: 38, closedInLimit: 35, inLimitShare: bpOf(35, 38), overdue: 5, referred: 6, reviewed: 12, reviewProblems: 1 })],
  };
}

function temporary(): ReportTable {
  return {
    key: 'temporary',
    title: '临时救助',
    definition: '申请按受理时间计入本月；急难型24小时内审批 = 受理后24小时内审批同意的急难型申请；金额为本月发放金额；先行救助待补材料为已先行救助、材料尚未补齐的申请。',
    columns: [
      count('applications', '受理申请'),
      count('urgent', '急难型'),
      count('urgentIn24h', '24小时内审批'),
      share('urgentShare', '24小时审批率', 'urgentIn24h', 'urgent'),
      fen('paidFen', '发放金额'),
      count('papersOwed', '先行救助待补材料'),
    ],
    rows: [
      row('type:urgent', '急难型', { applications: 6, urgent: 6, urgentIn24h: 5, urgentShare: bpOf(5, 6), paidFen: 2350000, papersOwed: 2 }),
      row('type:transitional', '过渡型', { applications: 4, urgent: 0, urgentIn24h: 0, urgentShare: null, paidFen: 1260050, papersOwed: 0 }),
    ],
    total: row('total', '合计', { applications: 10, urgent: 6, urgentIn24h: 5, urgentShare: bpOf(5, 6), paidFen: 3610050, papersOwed: 2 }),
  };
}

function programmes(): ReportTable {
  return {
    key: 'programmes',
    title: '低保、低保边缘、特困',
    definition: '户数、人数为月末在保；新纳入、退出按批准和停发时间计入本月；渐退期为月末仍在渐退期的家庭；发放金额为本月已确认批次的金额。',
    columns: [count('households', '在保户数'), count('persons', '在保人数'), count('enrolled', '新纳入'), count('exited', '退出'), count('gradual', '渐退期'), fen('paidFen', '发放金额')],
    rows: [
      row('group:dibao', '低保', { households: 612, persons: 1034, enrolled: 9, exited: 4, gradual: 7, paidFen: 108057000 }),
      row('group:dibao-edge', '低保边缘', { households: 88, persons: 151, enrolled: 2, exited: 1, gradual: 0, paidFen: 7852000 }),
      row('group:tekun', '特困', { households: 96, persons: 96, enrolled: 1, exited: 0, gradual: 0, paidFen: 17280000 }),
    ],
    total: row('total', '合计', { households: 796, persons: 1281, enrolled: 12, exited: 5, gradual: 7, paidFen: 133189000 }),
  };
}

function entitlements(): ReportTable {
  return {
    key: 'entitlements',
    title: '应补尽补',
    definition: '发现：本月新发现的应享未享（如残疾人两项补贴、高龄津贴）；解决：本月已办理纳入的；未解决为月末仍未解决的。',
    columns: [count('found', '发现'), count('closed', '解决'), count('open', '未解决')],
    rows: [
      row('kind:disability', '残疾人两项补贴', { found: 7, closed: 5, open: 4 }),
      row('kind:elderly', '高龄津贴', { found: 3, closed: 3, open: 0 }),
    ],
    total: row('total', '合计', { found: 10, closed: 8, open: 4 }),
  };
}

function care(): ReportTable {
  return {
    key: 'care',
    title: '分散供养照料',
    definition: '人数为月末分散供养特困人员；协议、服务卡为月末有效的；走访为本月照料走访次数；四有齐全 = 有协议、有服务卡、有照料人、有走访。',
    columns: [
      count('persons', '分散供养人数'),
      count('agreements', '有效照料协议'),
      count('cards', '有效服务卡'),
      count('visits', '本月走访'),
      count('fourHas', '四有齐全'),
      share('fourHasShare', '四有齐全率', 'fourHas', 'persons'),
    ],
    rows: [row('all', '本月', { persons: 96, agreements: 94, cards: 92, visits: 188, fourHas: 90, fourHasShare: bpOf(90, 96) })],
  };
}

function leftBehind(): ReportTable {
  return {
    key: 'left-behind',
    title: '留守人员',
    definition: '在册为月末留守儿童、妇女、老年人；本月更新为本月有走访或信息更新记录的。',
    columns: [count('registered', '在册'), count('updated', '本月更新')],
    rows: [
      row('community:詹滨西里社区', '詹滨西里社区', { registered: 41, updated: 37 }),
      row('community:春霞里社区', '春霞里社区', { registered: 26, updated: 19 }),
    ],
    total: row('total', '合计', { registered: 67, updated: 56 }),
  };
}

/** The sample report; `over` replaces top-level fields (e.g. another month). */
export function sampleMonthlyReport(over: Partial<MonthlyReport> = {}): MonthlyReport {
  const tables = [screening(), problems(), ledger(), temporary(), programmes(), entitlements(), care(), leftBehind()];
  const s = tables[0]!.total!.cells;
  const report: MonthlyReport = {
    kind: 'monthly-dispatch',
    version: 1,
    street: { code: '120110001000', name: '张贵庄街道' },
    month: '2026-11',
    asOf: '2026-12-01T01:30:00.000Z',
    complete: true,
    tables,
    measures: { coverageBp: bpOf(s.done!, s.planned!), overdueItems: 5, urgentWithin24hBp: bpOf(5, 6), careFourHasBp: bpOf(90, 96) },
    ...over,
  };
  return MonthlyReportSchema.parse(report);
}
