/** 编辑 the household's own fields in a drawer. Ctrl+S saves. */
import { useEffect } from 'react';
import { Button, Drawer, Form, Space } from 'antd';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useHotkey } from '../../hooks/use-hotkey';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { HouseholdFields } from '../../forms/HouseholdFields';
import { isProgrammeCategory } from '../../../../shared/assistance/programme-categories';
import { fromHouseholdDetail, toHouseholdInput, type HouseholdFormValues } from '../../forms/household-values';

interface Props {
  household: HouseholdDetail | null;
  onClose: () => void;
  onSaved: (h: HouseholdDetail) => void;
}

export function HouseholdEditDrawer({ household, onClose, onSaved }: Props) {
  const [form] = Form.useForm<HouseholdFormValues>();
  const open = household !== null;
  // The drawer submits only while open, that is with a household.
  const { saving, submit: save } = useFormSubmit(
    form,
    (values: HouseholdFormValues) =>
      api.call('registry.updateHousehold', { id: household!.id, patch: toHouseholdInput(values) }),
    { success: '家庭信息已保存', onDone: onSaved, fieldPath: { dropPrefixes: ['patch'] } },
  );

  useEffect(() => {
    if (!household) return;
    form.resetFields();
    form.setFieldsValue(fromHouseholdDetail(household));
  }, [household, form]);

  useHotkey('ctrl+s', () => !saving && form.submit(), { inInputs: true, enabled: open });
  // ×, Esc, 取消 or leaving the page with changed fields asks first.
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const close = () => guard.confirmClose(onClose);

  return (
    <Drawer
      open={open}
      title="编辑家庭信息"
      size={880}
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
      <Form<HouseholdFormValues> form={form} name="household" layout="vertical" onFinish={save} disabled={saving} scrollToFirstError={{ block: 'center', focus: true }}>
        <HouseholdFields prefix={[]} autoFocus programmes={household?.categories.filter(isProgrammeCategory) ?? []} />
      </Form>
    </Drawer>
  );
}
