/** One supported person's care record: assessment, agreements, cards, visits, emergency plan, 四有. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { careLevelText } from '../../../../shared/care/format';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { navigate } from '../../router/use-route';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { FourHaveTags } from './FourHaveTags';
import { ProfileSection } from './ProfileSection';
import { AgreementSection } from './AgreementSection';
import { CardSection } from './CardSection';
import { VisitSection } from './VisitSection';
import { PlanSection } from './PlanSection';
import { TransferModal } from './TransferModal';

export function CarePersonPage({ id }: { id: string }) {
  const q = useApiQuery(() => api.call('care.getPerson', { personId: id }), [id]);
  const [transferOpen, setTransferOpen] = useState(false);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!q.data) return <LoadingBlock text="正在加载照料档案…" />;
  const d = q.data;
  const transferred = d.profile?.supplyMode === 'institution';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`照料档案：${d.person.name}`}
        extra={
          <Space>
            <Button onClick={() => navigate({ name: 'care' })}>返回“四有”台账</Button>
            {!transferred && (
              <Button danger onClick={() => setTransferOpen(true)}>
                登记转入集中供养
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="身份证号码">
            <span className="doudi-mono">{d.person.idMasked}</span>
          </Descriptions.Item>
          <Descriptions.Item label="性别/年龄">
            {d.person.sex === 'male' ? '男' : '女'} / {d.person.age}岁
          </Descriptions.Item>
          <Descriptions.Item label="照料等级">{d.profile?.careLevel ? careLevelText(d.profile.careLevel) : '未评估'}</Descriptions.Item>
          <Descriptions.Item label="社区">{d.person.communityName}</Descriptions.Item>
          <Descriptions.Item label="住址" span={2}>
            {d.person.address}
          </Descriptions.Item>
        </Descriptions>
        {transferred ? (
          <Alert
            type="info"
            showIcon
            title={`已于 ${d.profile!.transferDate} 转入集中供养（${d.profile!.transferInstitution}）`}
            description={d.profile!.transferReason}
          />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="four-haves">
            <Space>
              <Typography.Text strong>“四有”：</Typography.Text>
              <FourHaveTags row={d.board} />
            </Space>
            {d.board.gaps.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title="缺项"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {d.board.gaps.map((g) => (
                      <li key={g.code}>{g.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {d.board.institutionalSuggested && (
              <Alert type="error" showIcon title={<Tag color="volcano">建议纳入集中供养</Tag>} description={d.board.institutionalReason} />
            )}
          </Space>
        )}
      </Card>
      <ProfileSection personId={id} profile={d.profile} onSaved={q.reload} />
      <AgreementSection personId={id} agreements={d.agreements} onChanged={q.reload} />
      <CardSection personId={id} cards={d.cards} onChanged={q.reload} />
      <VisitSection personId={id} visits={d.visits} nextDue={d.board.nextVisitDue} onChanged={q.reload} />
      <PlanSection personId={id} plan={d.plan} onSaved={q.reload} />
      <TransferModal open={transferOpen} personId={id} name={d.person.name} suggestion={d.board.institutionalReason} onClose={() => setTransferOpen(false)} onDone={q.reload} />
    </Space>
  );
}
