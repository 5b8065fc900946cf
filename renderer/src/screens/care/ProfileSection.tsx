/** The six-indicator self-care assessment, with health, risks and needs. */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { SELF_CARE_INDICATORS, type SelfCareIndicator } from '../../../../shared/care/codes';
import { assessSelfCare } from '../../../../shared/care/rules';
import { careLevelText } from '../../../../shared/care/format';
import type { CareProfile } from '../../../../shared/care/types';
import { labelOf, SELF_CARE_LEVELS } from '../../../../shared/codes';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';
import { appClock } from '../../api/clock';

interface Values {
  met: SelfCareIndicator[];
  assessedDate: string;
  health?: string;
  risks?: string;
  needs?: string;
}

export function ProfileSection({ personId, profile, onSaved }: { personId: string; profile: CareProfile | null; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const met = Form.useWatch('met', form) ?? [];
  const preview = assessSelfCare(Object.fromEntries(SELF_CARE_INDICATORS.map((i) => [i.code, met.includes(i.code)])));
  const initial: Values = {
    met: profile?.selfCareMet ? SELF_CARE_INDICATORS.filter((i) => profile.selfCareMet![i.code]).map((i) => i.code) : [],
    assessedDate: profile?.assessedDate ?? appClock.today(),
    health: profile?.health ?? '',
    risks: profile?.risks ?? '',
    needs: profile?.needs ?? '',
  };
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const selfCareMet = Object.fromEntries(SELF_CARE_INDICATORS.map((i) => [i.code, v.met.includes(i.code)])) as Record<SelfCareIndicator, boolean>;
      await api.call('care.saveProfile', { personId, selfCareMet, assessedDate: v.assessedDate, health: v.health, risks: v.risks, needs: v.needs });
      message.success('评估已保存');
      onSaved();
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="生活自理能力评估" data-testid="profile-section">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item label="能独立完成的项目（勾选能独立完成的）" name="met">
          <Checkbox.Group options={SELF_CARE_INDICATORS.map((i) => ({ value: i.code, label: i.label }))} />
        </Form.Item>
        <Typography.Paragraph>
          评估结果：<Tag color="blue">{labelOf(SELF_CARE_LEVELS, preview.level)}</Tag> 照料等级：<Tag>{careLevelText(preview.careLevel)}</Tag>
          <Typography.Text type="secondary">（六项均能完成为具备；1–3项不能为部分丧失；4项及以上不能为完全丧失）</Typography.Text>
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label="评估日期" name="assessedDate" rules={[{ required: true, message: '请填写评估日期' }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="健康状况" name="health">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="风险情况" name="risks">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="照料需求" name="needs">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存评估
        </Button>
      </Form>
    </Card>
  );
}
