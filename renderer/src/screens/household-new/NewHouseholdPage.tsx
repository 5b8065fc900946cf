/** 新建家庭: household fields and a list of members (the first is the 户主). Ctrl+S saves. */
import { Alert, App, Button, Card, Flex, Form, Space, Typography } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { navigate } from '../../router/use-route';
import { useHotkey } from '../../hooks/use-hotkey';
import { emptyHousehold } from '../../forms/household-values';
import { emptyHead, emptyPerson, type PersonFormValues } from '../../forms/person-values';
import { HEAD_RELATION } from '../../../../shared/codes';
import { HouseholdFields } from '../../forms/HouseholdFields';
import { MemberCard } from './MemberCard';
import { useCreateHousehold, type NewHouseholdValues } from './use-create-household';

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

export function NewHouseholdPage() {
  const { modal } = App.useApp();
  const [form] = Form.useForm<NewHouseholdValues>();
  const { saving, save } = useCreateHousehold(form, (h) => navigate({ name: 'household', id: h.id }, { replace: true }));

  useHotkey('ctrl+s', () => !saving && form.submit(), { inInputs: true });

  const cancel = () => {
    if (!form.isFieldsTouched()) return navigate({ name: 'households' });
    modal.confirm({
      title: '放弃新建家庭？',
      content: '已填写的内容不会保存。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: () => navigate({ name: 'households' }),
    });
  };

  return (
    <Form<NewHouseholdValues>
      form={form}
      name="newHousehold"
      layout="vertical"
      initialValues={initialValues}
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
          新建家庭
        </Typography.Title>
        <Space>
          <Button htmlType="button" onClick={cancel}>
            取消
          </Button>
          <Button type="primary" htmlType="button" icon={<SaveOutlined />} loading={saving} onClick={() => form.submit()}>
            保存（Ctrl+S）
          </Button>
        </Space>
      </Flex>
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
    </Form>
  );
}
