/** A household: its fields and its whole file (一户一档) in tabs, and what can be done with them. */
import { useState } from 'react';
import { App, Button, Card, Flex, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { HouseholdDetail, PersonDetail } from '../../../../shared/registry/types';
import { AppError } from '../../../../shared/errors';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { navigate } from '../../router/use-route';
import { useSession } from '../../session/session-context';
import { isSupervisorRole } from '../../lib/roles';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { ReasonModal } from '../../components/ReasonModal';
import { StatusTag } from '../../components/StatusTag';
import { PersonDrawer, type PersonDrawerMode } from '../person/PersonDrawer';
import { HouseholdInfo } from './HouseholdInfo';
import { HouseholdEditDrawer } from './HouseholdEditDrawer';
import type { MemberAction } from './MembersTable';
import { MovePersonModal } from './MovePersonModal';
import { RecordDeathModal } from './RecordDeathModal';
import { CorrectDeathModal } from './CorrectDeathModal';
import { WithdrawDeathModal } from './WithdrawDeathModal';
import { ApplyEnrolmentModal } from '../assistance/ApplyEnrolmentModal';
import { HouseholdFileTabs } from './HouseholdFileTabs';

function headOf(h: HouseholdDetail): PersonDetail | undefined {
  return h.members.find((m) => m.relation === '02');
}

export function HouseholdDetailPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const { session } = useSession();
  const query = useApiQuery(() => api.call('registry.getHousehold', { id }), [id]);
  const [editing, setEditing] = useState<HouseholdDetail | null>(null);
  const [personMode, setPersonMode] = useState<PersonDrawerMode | null>(null);
  const [moving, setMoving] = useState<PersonDetail | null>(null);
  const [deletingPerson, setDeletingPerson] = useState<PersonDetail | null>(null);
  const [dying, setDying] = useState<PersonDetail | null>(null);
  const [correctingDeath, setCorrectingDeath] = useState<PersonDetail | null>(null);
  const [withdrawingDeath, setWithdrawingDeath] = useState<PersonDetail | null>(null);
  const [deletingHousehold, setDeletingHousehold] = useState(false);
  const [applying, setApplying] = useState(false);
  // Bumped after a change made here, so that the file is read again.
  const [version, setVersion] = useState(0);
  const changed = () => (query.reload(), setVersion((v) => v + 1));
  const back = () => navigate({ name: 'households' });

  if (query.loading && !query.data) return <LoadingBlock text="正在加载家庭信息…" />;
  if (query.error != null && !query.data) {
    if (query.error instanceof AppError && query.error.code === 'not-found') {
      return (
        <Result
          status="404"
          title="家庭不存在或已删除"
          extra={<Button type="primary" onClick={back}>返回家庭列表</Button>}
        />
      );
    }
    return <ErrorBlock error={query.error} onRetry={query.reload} title="家庭信息加载失败" />;
  }
  const h = query.data;
  if (!h) return null;
  const head = headOf(h);

  const onMemberAction = (action: MemberAction, p: PersonDetail) => {
    if (action === 'edit') setPersonMode({ kind: 'edit', person: p });
    if (action === 'move') setMoving(p);
    if (action === 'delete') setDeletingPerson(p);
    if (action === 'death') setDying(p);
    if (action === 'correct-death') setCorrectingDeath(p);
    if (action === 'withdraw-death') setWithdrawingDeath(p);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Space align="center" size={12}>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              返回家庭列表
            </Button>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {head ? `${head.name}家` : '家庭（无户主）'}
            </Typography.Title>
            <StatusTag status={h.status} />
            <Typography.Text type="secondary">{h.members.length} 人</Typography.Text>
          </Space>
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'print-household', id: h.id })} data-testid="print-household-file">
              打印一户一档
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(h)}>
              编辑家庭信息
            </Button>
            {isSupervisorRole(session.user.role) && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setDeletingHousehold(true)}>
                删除家庭
              </Button>
            )}
          </Space>
        </Flex>
        <HouseholdInfo household={h} />
      </Card>
      <HouseholdFileTabs
        household={h}
        version={version}
        onMemberAction={onMemberAction}
        onAddMember={() => setPersonMode({ kind: 'add', householdId: h.id })}
        onApply={() => setApplying(true)}
      />
      {applying && <ApplyEnrolmentModal household={h} onClose={() => (setApplying(false), setVersion((v) => v + 1))} />}

      <HouseholdEditDrawer
        household={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <PersonDrawer
        mode={personMode}
        members={h.members}
        onClose={() => setPersonMode(null)}
        onSaved={() => {
          setPersonMode(null);
          changed();
        }}
      />
      <MovePersonModal
        person={moving}
        onClose={() => setMoving(null)}
        onMoved={() => {
          setMoving(null);
          changed();
        }}
      />
      <RecordDeathModal
        person={dying}
        onClose={() => setDying(null)}
        onSaved={() => {
          setDying(null);
          query.reload();
        }}
      />
      <CorrectDeathModal
        person={correctingDeath}
        onClose={() => setCorrectingDeath(null)}
        onSaved={() => {
          setCorrectingDeath(null);
          changed();
        }}
      />
      <WithdrawDeathModal
        person={withdrawingDeath}
        onClose={() => setWithdrawingDeath(null)}
        onSaved={() => {
          setWithdrawingDeath(null);
          changed();
        }}
      />
      <ReasonModal
        open={deletingPerson !== null}
        title={deletingPerson ? `删除成员 ${deletingPerson.name}？` : ''}
        description="删除后该成员不再出现在台账中，操作会记入操作日志。请填写删除原因。"
        okText="删除"
        onClose={() => setDeletingPerson(null)}
        onConfirm={async (reason) => {
          if (!deletingPerson) return;
          await api.call('registry.deletePerson', { id: deletingPerson.id, reason });
          message.success(`已删除成员 ${deletingPerson.name}`);
          changed();
        }}
      />
      <ReasonModal
        open={deletingHousehold}
        title="删除整个家庭？"
        description={`将删除 ${head ? `${head.name}家` : '该家庭'}及其全部 ${h.members.length} 名成员，操作会记入操作日志。请填写删除原因。`}
        okText="删除家庭"
        onClose={() => setDeletingHousehold(false)}
        onConfirm={async (reason) => {
          await api.call('registry.deleteHousehold', { id: h.id, reason });
          message.success('家庭已删除');
          navigate({ name: 'households' }, { replace: true });
        }}
      />
    </Space>
  );
}
