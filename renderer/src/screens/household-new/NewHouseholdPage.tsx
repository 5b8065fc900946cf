/**
 * 新建家庭: household fields and a list of members (the first is the 户主). Ctrl+S saves. With a
 * 待登记线索 (clueId): the same registration prefilled with what the clue gave, saved as 登记并立项.
 */
import { Alert, Button, Card, Descriptions, Flex, Form, Result, Select, Space, Typography } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { navigate } from '../../router/use-route';
import { useHotkey } from '../../hooks/use-hotkey';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { emptyHousehold } from '../../forms/household-values';
import { emptyHead, emptyPerson, type PersonFormValues } from '../../forms/person-values';
import { HEAD_RELATION } from '../../../../shared/codes';
import { HouseholdFields } from '../../forms/HouseholdFields';
import { MemberCard } from './MemberCard';
import { useCreateHousehold, type NewHouseholdValues } from './use-create-household';
import { labelOf } from '../../../../shared/codes';
import type { ClueDetail } from '../../../../shared/ledger/clues';
import { CLUE_SOURCES } from '../../../../shared/ledger/intake';
import { URGENCY_GRADES } from '../../../../shared/ledger/deadlines';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { categoryLabel } from '../ledger/ledger-ui';

const STICKY_BAR = {
  position: 'sticky' as const,
  top: 64,
  zIndex: 5,
  background: '#f0f2f5',
  margin: '-16px -16px 16px',
  padding: '12px 16px',
  borderBottom: '1px solid #e5e7eb',
};

async function checkOneHead(_: unknown, members: PersonFormValues[] | undefined) {
  const heads = (members ?? []).filter((m) => m?.relation === HEAD_RELATION).length;
  if (heads !== 1) throw new Error(heads === 0 ? '请指定一名成员为户主（与户主关系选“户主”）' : '家庭成员中只能有一名户主');
}

const initialValues: NewHouseholdValues = { household: emptyHousehold(), members: [emptyHead()] };

/** The registration prefilled with what a clue gave: address, community, phone; the person as 户主. */
function fromClue(c: ClueDetail): NewHouseholdValues {
  const text = (v: string | null) => v ?? undefined;
  return {
    household: { ...emptyHousehold(), address: text(c.address), communityId: text(c.communityId), phone: text(c.phone) },
    members: [{ ...emptyHead(), name: text(c.name), idNumber: text(c.idNumber), phone: text(c.phone) }],
    personIndex: 0,
  };
}

function ClueSummary({ clue }: { clue: ClueDetail }) {
  return (
    <Card title={`线索 ${clue.itemNo}`} style={{ marginBottom: 16 }} data-testid="clue-summary">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="来源">
          {labelOf(CLUE_SOURCES, clue.source)}
          {clue.sender ? `（${clue.sender}，编号 ${clue.externalId}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="接收时间">{formatInstant(clue.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="处置时限">{formatInstant(clue.dueAt)}（自接收时起算）</Descriptions.Item>
        <Descriptions.Item label="问题类别">{categoryLabel(clue.category)}</Descriptions.Item>
        <Descriptions.Item label="紧急程度">{labelOf(URGENCY_GRADES, clue.urgency)}</Descriptions.Item>
        <Descriptions.Item label="社区（线索所述）">{clue.communityName ?? '未提供'}</Descriptions.Item>
        <Descriptions.Item label="问题描述" span={3}>
          {clue.description}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function NewHouseholdPage({ clueId }: { clueId?: string }) {
  const clue = useApiQuery(() => api.call('ledger.clueGet', { id: clueId! }), [clueId], !!clueId);
  if (!clueId) return <RegistrationForm />;
  if (clue.error) return <ErrorBlock error={clue.error} onRetry={clue.reload} />;
  if (!clue.data) return <LoadingBlock />;
  if (clue.data.status !== 'pending') {
    return (
      <Result
        status="info"
        title={clue.data.status === 'converted' ? `该线索已由${clue.data.handledBy ?? '其他同事'}登记立项` : '该线索已不予立项'}
        subTitle={clue.data.dismissReason ?? clue.data.itemNo}
        extra={
          clue.data.itemId ? (
            <Button type="primary" onClick={() => navigate({ name: 'ledger-item', id: clue.data!.itemId! })}>
              查看台账事项
            </Button>
          ) : (
            <Button onClick={() => navigate({ name: 'ledger', tab: 'clues' })}>返回待登记线索</Button>
          )
        }
      />
    );
  }
  return <RegistrationForm clue={clue.data} />;
}

function RegistrationForm({ clue }: { clue?: ClueDetail }) {
  const [form] = Form.useForm<NewHouseholdValues>();
  // Saved: the page moves on by itself (force: the guard would ask about what was just saved).
  const { saving, save } = useCreateHousehold(
    form,
    (h) => navigate({ name: 'household', id: h.id }, { replace: true, force: true }),
    clue && { id: clue.id, onConverted: (item) => navigate({ name: 'ledger-item', id: item.id }, { replace: true, force: true }) },
  );
  // Leaving (取消, the menu, a search hit, closing the window) with typed input asks first.
  useUnsavedGuard(() => form.isFieldsTouched(), {
    title: clue ? '放弃登记？' : '放弃新建家庭？',
    content: clue ? '已填写的内容不会保存，线索仍待登记。' : '已填写的内容不会保存。',
  });
  const members = Form.useWatch('members', form) ?? [];
  const back = () => navigate(clue ? { name: 'ledger', tab: 'clues' } : { name: 'households' });

  useHotkey('ctrl+s', () => !saving && form.submit(), { inInputs: true });

  return (
    <Form<NewHouseholdValues>
      form={form}
      name="newHousehold"
      layout="vertical"
      initialValues={clue ? fromClue(clue) : initialValues}
      onFinish={save}
      onValuesChange={(changed: Partial<NewHouseholdValues>) => {
        // Re-check the one-head rule as soon as a relation changes, once it has complained.
        if (changed.members && form.getFieldError(['members']).length > 0) void form.validateFields([['members']]).catch(() => undefined);
      }}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center', focus: true })}
      disabled={saving}
      scrollToFirstError={false}
    >
      <Flex justify="space-between" align="center" style={STICKY_BAR}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {clue ? `登记并立项：${clue.name ?? '待登记线索'}` : '新建家庭'}
        </Typography.Title>
        <Space>
          <Button htmlType="button" onClick={back}>
            取消
          </Button>
          <Button type="primary" htmlType="button" icon={<SaveOutlined />} loading={saving} onClick={() => form.submit()}>
            {clue ? '登记并立项（Ctrl+S）' : '保存（Ctrl+S）'}
          </Button>
        </Space>
      </Flex>
      {clue && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="该线索的当事人尚未在本街道登记。请核实并补全家庭和成员信息，保存后为线索当事人登记问题台账。"
          />
          <ClueSummary clue={clue} />
        </>
      )}
      <Card title="家庭信息" style={{ marginBottom: 16 }} data-testid="household-fields">
        <HouseholdFields prefix={['household']} autoFocus />
      </Card>
      <Form.List name="members" rules={[{ validator: checkOneHead }]}>
        {(fields, { add, remove }, { errors }) => (
          <Card title={`家庭成员（${fields.length} 人）`}>
            {fields.map((field, index) => (
              <MemberCard
                key={field.key}
                index={index}
                fieldName={field.name}
                canRemove={fields.length > 1}
                onRemove={() => remove(field.name)}
              />
            ))}
            {errors.length > 0 && (
              <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={<Form.ErrorList errors={errors} />} />
            )}
            <Button icon={<PlusOutlined />} onClick={() => add(emptyPerson())} disabled={fields.length >= 30}>
              添加成员
            </Button>
          </Card>
        )}
      </Form.List>
      {clue && (
        <Card title="立项" style={{ marginTop: 16 }}>
          <Form.Item name="personIndex" label="线索当事人" style={{ maxWidth: 320, marginBottom: 0 }}>
            <Select
              aria-label="线索当事人"
              options={members.map((m, i) => ({ value: i, label: `${i + 1}. ${m?.name || '（未填姓名）'}` }))}
            />
          </Form.Item>
        </Card>
      )}
    </Form>
  );
}
