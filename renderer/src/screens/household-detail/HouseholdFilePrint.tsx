/**
 * 一户一档 printed as one file for audits (A4 portrait): the household, its members (ID numbers
 * masked), assistance with its steps, payments by month, temporary assistance, ledger items,
 * visits, care files, documents printed and the audit trail. Printing it is itself audited.
 */
import type { ReactNode } from 'react';
import { ASSISTANCE_CATEGORIES, HEALTH_STATUSES, labelOf, RELATIONS } from '../../../../shared/codes';
import { LEDGER_CATEGORIES, LEDGER_STATUSES, VISIT_METHODS } from '../../../../shared/ledger/codes';
import { URGENCY_GRADES } from '../../../../shared/ledger/deadlines';
import { AGREEMENT_STATUSES, CARE_LEVELS } from '../../../../shared/care/codes';
import { maskIdNumber } from '../../../../shared/id-number';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { PrintFrame } from '../print/PrintFrame';
import { programmeLabel, stepLabel, tempTypeLabel } from '../assistance/labels';
import { TEMP_STATUSES, ENROLMENT_STATUSES } from '../../../../shared/assistance/codes';

/** One section: a heading and a table, or a line saying there is nothing. */
function Section(props: { title: string; head: string[]; widths?: string[]; rows: ReactNode[][]; empty: string }) {
  const { title, head, rows, empty } = props;
  return (
    <section className="file-section">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table className="print-table">
          {props.widths && (
            <colgroup>
              {props.widths.map((w, i) => <col key={i} style={{ width: w }} />)}
            </colgroup>
          )}
          <thead>
            <tr>{head.map((h) => <th key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function HouseholdFilePrint({ id }: { id: string }) {
  const hq = useApiQuery(() => api.call('registry.getHousehold', { id }), [id]);
  const fq = useApiQuery(() => api.call('household.file', { id }), [id]);
  const h = hq.data;
  const f = fq.data;
  const head = h?.members.find((m) => m.relation === '02');
  const title = h ? `${head ? `${head.name}家` : '家庭'} 一户一档` : '一户一档';
  return (
    <PrintFrame
      orientation="portrait"
      loading={hq.loading || fq.loading}
      error={hq.error ?? fq.error}
      onRetry={() => (hq.reload(), fq.reload())}
      back={{ name: 'household', id }}
      testId="household-file-print"
      footer={f ? `${title}　打印时间 ${formatInstant(f.readAt)}` : undefined}
      onPrint={() => void api.call('household.recordPrint', { id, mode: 'print' })}
    >
      {h && f && (
        <div className="household-file-print">
          <style>{'.file-section h2 { font-size: 12pt; margin: 10px 0 4px; } .file-section p { margin: 2px 0 6px; font-size: 10pt; } .file-section td { white-space: pre-line; }'}</style>
          <h1>{title}</h1>
          <div className="print-meta">
            <span>{`${h.communityName}${h.gridName ? ` · ${h.gridName}` : ''}`}</span>
            <span>{`住址：${h.address}`}</span>
            <span>{`打印时间：${formatInstant(f.readAt)}`}</span>
          </div>
          <div className="print-meta">
            <span>{`联系电话：${h.phone ?? ''}`}</span>
            <span>{`救助类别：${h.categories.map((c) => labelOf(ASSISTANCE_CATEGORIES, c)).join('、') || '无'}`}</span>
            <span>{`建档时间：${formatInstant(h.createdAt)}`}</span>
          </div>
          <Section
            title={`一、家庭成员（${h.members.length} 人）`}
            head={['姓名', '与户主关系', '身份证号码', '年龄', '健康状况', '月收入']}
            widths={['15%', '13%', '28%', '8%', '14%', '22%']}
            rows={h.members.map((m) => [m.name, labelOf(RELATIONS, m.relation), maskIdNumber(m.idNumber), m.age, labelOf(HEALTH_STATUSES, m.health), formatFen(m.monthlyIncomeFen)])}
            empty="无成员"
          />
          <Section
            title="二、救助保障及办理过程"
            head={['救助项目', '对象', '状态', '起止月份', '办理过程']}
            widths={['12%', '10%', '9%', '15%', '54%']}
            rows={f.enrolments.map((e) => [
              programmeLabel(e.programme),
              e.name ?? '',
              labelOf(ENROLMENT_STATUSES, e.status),
              `${e.startMonth ?? ''} ~ ${e.endMonth ?? ''}`,
              e.steps.map((s) => `${formatInstant(s.at)} ${stepLabel(s.step)}（${s.username ?? ''}）${s.note ? `：${s.note}` : ''}`).join('\n'),
            ])}
            empty="尚未纳入低保、特困等救助项目。"
          />
          <Section
            title="三、按月发放记录"
            head={['发放月份', '救助项目', '对象', '保障人数', '金额']}
            rows={f.payments.map((p) => [p.month, programmeLabel(p.programme), p.name ?? '', p.coveredPersons === null ? '—' : `${p.coveredPersons} 人`, p.amountFen === null ? `无法计算：${p.problem ?? ''}` : formatFen(p.amountFen)])}
            empty="没有按月发放的记录。"
          />
          <Section
            title="四、临时救助"
            head={['受理时间', '类型', '对象', '金额', '状态', '困难情形']}
            widths={['18%', '8%', '10%', '13%', '9%', '42%']}
            rows={f.temporary.map((t) => [formatInstant(t.receivedAt), tempTypeLabel(t.type), t.name ?? '', formatFen(t.amountFen), labelOf(TEMP_STATUSES, t.status), t.reason])}
            empty="没有临时救助记录。"
          />
          <Section
            title="五、问题台账"
            head={['台账编号', '类别', '等级', '问题描述', '状态', '办理结果']}
            widths={['23%', '7%', '11%', '29%', '14%', '16%']}
            rows={f.ledger.map((i) => [i.itemNo, labelOf(LEDGER_CATEGORIES, i.category), labelOf(URGENCY_GRADES, i.urgency), i.description, labelOf(LEDGER_STATUSES, i.status), i.closedAt ? `销号 ${formatInstant(i.closedAt)}` : i.countdownText])}
            empty="没有问题台账事项。"
          />
          <Section
            title={`六、走访记录（共 ${f.visitTotal} 次）`}
            head={['走访日期', '方式', '走访人', '情况']}
            widths={['15%', '9%', '14%', '62%']}
            rows={f.visits.map((v) => [v.visitedOn, labelOf(VISIT_METHODS, v.method), v.visitorName, v.situation === 'problem' ? `发现问题 ${v.itemIds.length} 个${v.note ? `；${v.note}` : ''}` : (v.note ?? '正常')])}
            empty="暂无走访记录。"
          />
          <Section
            title="七、照料服务档案"
            head={['供养对象', '照料等级', '照料服务人', '协议', '有效服务卡', '探访']}
            rows={f.care.map((c) => [
              c.person.name,
              labelOf(CARE_LEVELS, c.profile?.careLevel ?? null) || '未评估',
              c.board.caregiverName ?? '',
              c.agreements[0] ? `${c.agreements[0].startDate} ~ ${c.agreements[0].endDate}（${labelOf(AGREEMENT_STATUSES, c.agreements[0].status)}）` : '无',
              c.cards.find((x) => x.status === 'active')?.cardNumber ?? '无',
              `${c.visits.length} 次`,
            ])}
            empty="家庭成员没有照料服务档案。"
          />
          <Section
            title="八、打印记录"
            head={['时间', '操作人', '文书']}
            widths={['22%', '16%', '62%']}
            rows={f.documents.map((d) => [formatInstant(d.at), d.username ?? '', d.summary])}
            empty="此前没有打印过本户的文书。"
          />
          {f.audit && (
            <Section
              title="九、操作记录"
              head={['时间', '操作人', '内容']}
              widths={['22%', '16%', '62%']}
              rows={f.audit.filter((e) => !/\.view[A-Z]/.test(e.action)).map((e) => [formatInstant(e.at), e.username ?? '', e.summary])}
              empty="没有操作记录。"
            />
          )}
        </div>
      )}
    </PrintFrame>
  );
}
