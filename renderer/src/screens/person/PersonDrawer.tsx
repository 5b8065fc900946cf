/** Adds a member to a household or edits one: the full person form in a drawer. Ctrl+S saves. */
import { useEffect } from 'react';
import { App, Button, Drawer, Form, Space } from 'antd';
import type { PersonDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useHotkey } from '../../hooks/use-hotkey';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { PersonFields } from '../../forms/PersonFields';
import { emptyPerson, fromPersonDetail, toPersonInput, type PersonFormValues } from '../../forms/person-values';
import { confirmRelationAges } from '../../forms/confirm-relation-ages';

export type PersonDrawerMode = { kind: 'add'; householdId: string } | { kind: 'edit'; person: PersonDetail };

interface Props {
  mode: PersonDrawerMode | null;
  onClose: () => void;
  onSaved: (person: PersonDetail) => void;
  /** The household's members, to ask about a relation that does not fit the ages. */
  members?: readonly PersonDetail[];
}

export function PersonDrawer({ mode, onClose, onSaved, members = [] }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  // The drawer submits only while open, that is with a mode.
  const { saving, submit: save } = useFormSubmit(
    form,
    (values: PersonFormValues) => {
      const input = toPersonInput(values);
      return mode!.kind === 'edit'
        ? api.call('registry.updatePerson', { id: mode!.person.id, patch: input })
        : api.call('registry.addPerson', { householdId: mode!.householdId, person: input });
    },
    {
      success: (saved) => (mode?.kind === 'edit' ? `已保存 ${saved.name} 的信息` : `已添加成员 ${saved.name}`),
      onDone: onSaved,
      fieldPath: { dropPrefixes: ['patch', 'person'] },
    },
  );
  const open = mode !== null;

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    form.setFieldsValue(mode.kind === 'edit' ? fromPersonDetail(mode.person) : emptyPerson());
  }, [mode, form]);

  useHotkey('ctrl+s', () => !saving && form.submit(), { inInputs: true, enabled: open });
  // ×, Esc, 取消 or leaving the page with changed fields asks first.
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const close = () => guard.confirmClose(onClose);

  // A member is checked against the 户主; a 户主 against every member.
  const finish = async (values: PersonFormValues) => {
    const person = toPersonInput(values);
    const others = members.filter((m) => mode?.kind !== 'edit' || m.id !== mode.person.id);
    const checked = person.relation === '02' ? [person, ...others.filter((m) => m.relation !== '02')] : [...others.filter((m) => m.relation === '02'), person];
    if (await confirmRelationAges(modal, checked)) await save(values);
  };

  const title = mode?.kind === 'edit' ? `编辑成员：${mode.person.name}` : '添加成员';

  return (
    <Drawer
      open={open}
      title={title}
      size={920}
      onClose={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存（Ctrl+S）
          </Button>
        </Space>
      }
    >
      <Form<PersonFormValues> form={form} name="person" layout="vertical" onFinish={finish} disabled={saving} scrollToFirstError={{ block: 'center', focus: true }}>
        <PersonFields name={[]} absolute={[]} autoFocus />
      </Form>
    </Drawer>
  );
}
