/** The 核算 working on screen: members with their income items and deductions, the figures, the line. */
import { Alert, Descriptions, Table, Typography } from 'antd';
import type { AccountingWorking, WorkingMemberOut } from '../../../../shared/policy/working';
import { amountText, deductionTexts, itemTexts, paramLabel, paramValueText, relationText } from '../../../../shared/assistance/working-text';
import { formatFen } from '../../lib/money';

function lines(texts: string[], empty: string) {
  if (texts.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return texts.map((t) => <div key={t}>{t}</div>);
}

export function WorkingView({ working: w, testId }: { working: AccountingWorking; testId?: string }) {
  return (
    <div data-testid={testId}>
      {!w.withinLine && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="working-line-warning"
          message={w.aboveLine ? '人均月收入超出本项目标准' : '人均月收入不在本项目范围内'}
          description={`${w.lineExplanation}。审批时须填写超出标准仍予批准的原因。`}
        />
      )}
      <Table<WorkingMemberOut>
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={w.members}
        locale={{ emptyText: '本户没有登记家庭成员' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '关系', dataIndex: 'relation', width: 70, render: (r: string) => relationText(r) },
          { title: '收入项目（月）', key: 'items', render: (_, m) => lines(itemTexts(m), '无收入') },
          { title: '扣减', key: 'deductions', render: (_, m) => lines(deductionTexts(m), '—') },
          { title: '计入收入', dataIndex: 'countableFen', width: 110, align: 'right', render: (f: number) => formatFen(f) },
        ]}
      />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }} data-testid="working-figures">
        <Descriptions.Item label="家庭月收入合计">{formatFen(w.totalFen)}</Descriptions.Item>
        <Descriptions.Item label="家庭人口">{`${w.householdSize} 人`}</Descriptions.Item>
        <Descriptions.Item label="人均月收入">
          <span data-testid="working-per-capita">{formatFen(w.perCapitaFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="低保标准">{`${formatFen(w.standardFen)}（${w.params.find((p) => p.key === 'dibao.standard')?.effectiveFrom ?? ''} 起）`}</Descriptions.Item>
        {w.edgeLine && <Descriptions.Item label="低保边缘上限">{`${formatFen(w.edgeLine.upperFen)}（标准的${w.edgeLine.upperPercent}%）`}</Descriptions.Item>}
        <Descriptions.Item label="保障人数">{`${w.coveredPersons} 人`}</Descriptions.Item>
        <Descriptions.Item label="月救助金额" span={2}>
          <span data-testid="working-amount">{amountText(w)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {`核算日期 ${w.onDate}；所用参数：`}
        {w.params.map((p) => `${paramLabel(p.key)} ${paramValueText(p)}（${p.effectiveFrom} 起）`).join('；')}
      </Typography.Paragraph>
    </div>
  );
}
