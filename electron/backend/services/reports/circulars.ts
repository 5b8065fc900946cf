/**
 * The district's 通报 of lagging streets (issue 15, plan 四(四)): drafted from the month's ranking,
 * edited in the app, saved in the district partition (every street's PC receives it) and published;
 * a published 通报 is frozen (triggers, the server's authority) and shown to the streets it names.
 */
import { AppError } from '../../../../shared/errors';
import { percentText } from '../../../../shared/reports/format';
import { corrections } from '../../../../shared/reports/lagging';
import type { StreetMeasures } from '../../../../shared/reports/monthly-report';
import type { Circular, CircularDraft } from '../../../../shared/reports/snapshots';
import { DONGLI_STREETS } from '../../../../shared/streets';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import type { circulars } from '../../db/schema';
import type { Actor, Store } from '../../store/store';
import { rankingOf } from './district';

type Row = Omit<typeof circulars.$inferSelect, 'streets'> & { streets: string };

const COLUMNS = `id, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt, street_code AS streetCode, month,
  title, doc_number AS docNumber, body, streets, status, created_by AS createdBy, published_at AS publishedAt,
  published_by AS publishedBy`;

function toCircular(store: Store, r: Row): Circular {
  const rows = store.prepare('SELECT code, name FROM streets WHERE deleted_at IS NULL').all() as { code: string; name: string }[];
  const names = new Map([...DONGLI_STREETS.map((s) => [s.code, s.name] as const), ...rows.map((s) => [s.code, s.name] as const)]);
  const codes = JSON.parse(r.streets) as string[];
  return {
    id: r.id,
    month: r.month,
    title: r.title,
    docNumber: r.docNumber,
    body: r.body,
    streets: codes.map((code) => ({ code, name: names.get(code) ?? code })),
    status: r.status === 'published' ? 'published' : 'draft',
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
  };
}

function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

function figures(m: StreetMeasures): string {
  const share = (v: number | null) => (v === null ? '无应统计事项' : percentText(v));
  return `排查覆盖率${share(m.coverageBp)}，超期未办结问题${m.overdueItems}件，急难型临时救助24小时内审批率${share(m.urgentWithin24hBp)}，“四有”落实率${share(m.careFourHasBp)}`;
}

/** A draft from the month's ranking: the lagging streets, their figures and the corrections asked. */
export function draftCircular(store: Store, month: string): CircularDraft {
  const ranking = rankingOf(store, month);
  const { effectiveFrom: _from, note: _note, ...lines } = ranking.lines;
  const lagging = ranking.rows.filter((r) => r.lagging.length > 0);
  const paragraphs = [
    '各街道办事处：',
    `按照《东丽区社会救助脱贫攻坚兜底保障行动工作方案》（津丽民发〔2020〕13号）关于定期调度、督促工作落实的要求，区民政局对各街道${monthText(month)}报送的兜底保障工作调度报表进行了汇总排名。现将有关情况通报如下：`,
  ];
  if (lagging.length === 0) {
    paragraphs.push('一、本月各街道各项指标均达到要求，请继续保持。');
  } else {
    paragraphs.push(`一、工作推进滞后的街道（${lagging.length}个）`);
    lagging.forEach((r, i) => {
      paragraphs.push(
        r.measures
          ? `${i + 1}. ${r.street.name}：${figures(r.measures)}。存在问题：${r.lagging.join('；')}。整改要求：${corrections(r.measures, lines).join('；')}。`
          : `${i + 1}. ${r.street.name}：未报送${monthText(month)}调度报表。整改要求：立即报送。`,
      );
    });
  }
  paragraphs.push('二、请被通报的街道抓紧整改，并在规定期限内将整改情况书面报区民政局。区民政局将对整改情况进行督导检查，对整改不力的采取约谈等方式督促落实。');
  return {
    month,
    title: `关于${monthText(month)}社会救助兜底保障工作调度情况的通报`,
    docNumber: '',
    body: paragraphs.join('\n'),
    streetCodes: lagging.map((r) => r.street.code),
  };
}

function getRow(store: Store, id: string): Row | undefined {
  return store.prepare(`SELECT ${COLUMNS} FROM circulars WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
}

export function saveCircular(store: Store, actor: Actor, input: CircularDraft & { id?: string }): Circular {
  const streets = [...new Set(input.streetCodes)];
  const unknown = streets.find((c) => !DONGLI_STREETS.some((s) => s.code === c));
  if (unknown) throw new AppError('invalid-input', `通报点名的街道${unknown}不是东丽区的街道`, { field: 'streetCodes' });
  const values = { month: input.month, title: input.title, docNumber: input.docNumber, body: input.body, streets };
  return store.tx(() => {
    if (!input.id) {
      const id = store.insert(
        'circulars',
        { ...values, streetCode: DISTRICT_PARTITION, status: 'draft', createdBy: actor.username ?? '' },
        actor,
        { action: 'reports.saveCircular', summary: `拟定通报“${input.title}”` },
      );
      return toCircular(store, getRow(store, id)!);
    }
    const row = getRow(store, input.id);
    if (!row) throw new AppError('not-found', '通报不存在或已被删除', { field: 'id' });
    if (row.status === 'published') throw new AppError('circular-published', `通报“${row.title}”已发布，不能修改`, { field: 'id' });
    store.update('circulars', row.id, values, actor, { action: 'reports.saveCircular', summary: `修改通报草稿“${input.title}”` });
    return toCircular(store, getRow(store, row.id)!);
  });
}

export function publishCircular(store: Store, actor: Actor, displayName: string, id: string): Circular {
  return store.tx(() => {
    const row = getRow(store, id);
    if (!row) throw new AppError('not-found', '通报不存在或已被删除', { field: 'id' });
    if (row.status === 'published') throw new AppError('circular-published', `通报“${row.title}”已于${row.publishedAt?.slice(0, 10)}发布`, { field: 'id' });
    if (!row.docNumber) throw new AppError('invalid-input', '发布前请填写文号', { field: 'docNumber' });
    store.update('circulars', id, { status: 'published', publishedAt: store.nowIso(), publishedBy: displayName }, actor, {
      action: 'reports.publishCircular',
      summary: `发布通报“${row.title}”（${row.docNumber}）`,
    });
    return toCircular(store, getRow(store, id)!);
  });
}

/** Every 通报 (drafts too when asked), newest first; streetCode: only those naming that street. */
export function listCirculars(store: Store, filter: { month?: string; publishedOnly: boolean; streetCode: string | null }): Circular[] {
  const rows = store
    .prepare(
      `SELECT ${COLUMNS} FROM circulars WHERE deleted_at IS NULL AND (? IS NULL OR month = ?) AND (? = 0 OR status = 'published')
       ORDER BY COALESCE(published_at, updated_at) DESC, id DESC`,
    )
    .all(filter.month ?? null, filter.month ?? null, filter.publishedOnly ? 1 : 0) as Row[];
  const list = rows.map((r) => toCircular(store, r));
  return filter.streetCode === null ? list : list.filter((c) => c.streets.some((s) => s.code === filter.streetCode));
}

/** One 通报; a street sees only a published one naming it. */
export function getCircular(store: Store, id: string, streetCode: string | null): Circular {
  const row = getRow(store, id);
  const c = row ? toCircular(store, row) : null;
  if (!c || (streetCode !== null && (c.status !== 'published' || !c.streets.some((s) => s.code === streetCode)))) {
    throw new AppError('not-found', '通报不存在或未发布', { field: 'id' });
  }
  return c;
}
