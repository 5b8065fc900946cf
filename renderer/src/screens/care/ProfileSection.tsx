/**
 * The six-indicator self-care assessment, with health, risks and needs. Each indicator is answered
 * 能 or 不能 on its own and starts unanswered: an unticked box read as 不能 made a new file show
 * 完全丧失 before anything was assessed, and one click recorded it. No result is shown and nothing
 * can be saved until all six are answered.
 */
import { useRef } from 'react';
import { Button, Card, Col, Form, Input, Radio, Row, Tag, Typography } from 'antd';
import { SELF_CARE_INDICATORS, type SelfCareIndicator } from '../../../../shared/care/codes';
import { assessSelfCare } from '../../../../shared/care/rules';
import { careLevelText } from '../../../../shared/care/format';
import type { CareProfile } from '../../../../shared/care/types';
import { labelOf, SELF_CARE_LEVELS } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { appClock } from '../../api/clock';
import { DateField } from '../../forms/DateField';

type Answers = Partial<Record<SelfCareIndicator, boolean>>;

interface Values {
  answers: Answers;
  assessedDate: string;
  health?: string;
  risks?: string;
  needs?: string;
}

const ANSWER_OPTIONS = [
  { value: true, label: '能' },
  { value: false, label: '不能' },
];

export function ProfileSection({ personId, profile, onSaved }: { personId: string; profile: CareProfile | null; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  // Input typed since the last save: leaving the page asks first.
  const edited = useRef(false);
  useUnsavedGuard(() => edited.current);
  const answers: Answers = Form.useWatch('answers', form) ?? {};
  const answered = SELF_CARE_INDICATORS.filter((i) => typeof answers[i.code] === 'boolean').length;
  const preview = answered === SELF_CARE_INDICATORS.length ? assessSelfCare(answers) : null;
  const initial: Values = {
    answers: profile?.selfCareMet ? { ...profile.selfCareMet } : {},
    assessedDate: profile?.assessedDate ?? appClock.today(),
    health: profile?.health ?? '',
    risks: profile?.risks ?? '',
    needs: profile?.needs ?? '',
  };
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const selfCareMet = Object.fromEntries(SELF_CARE_INDICATORS.map((i) => [i.code, v.answers[i.code] === true])) as Record<SelfCareIndicator, boolean>;
      return api.call('care.saveProfile', { personId, selfCareMet, assessedDate: v.assessedDate, health: v.health, risks: v.risks, needs: v.needs });
    },
    {
      success: '评估已保存',
      onDone: () => {
        edited.current = false;
        onSaved();
      },
    },
  );
  return (
    <Card title="生活自理能力评估" data-testid="profile-section">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={() => (edited.current = true)}>
        <Typography.Paragraph strong>逐项评估能否独立完成</Typography.Paragraph>
        <Row gutter={16}>
          {SELF_CARE_INDICATORS.map((i) => (
            <Col span={8} key={i.code}>
              <Form.Item label={i.label} name={['answers', i.code]} rules={[{ required: true, message: `请评估“${i.label}”` }]}>
                <Radio.Group aria-label={i.label} optionType="button" options={ANSWER_OPTIONS} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph data-testid="self-care-result">
          评估结果：
          {preview ? (
            <>
              <Tag color="blue">{labelOf(SELF_CARE_LEVELS, preview.level)}</Tag> 照料等级：<Tag>{careLevelText(preview.careLevel)}</Tag>
            </>
          ) : (
            <Typography.Text type="warning">尚未评估完（已评 {answered}/{SELF_CARE_INDICATORS.length} 项）　</Typography.Text>
          )}
          <Typography.Text type="secondary">（六项均能完成为具备；1–3项不能为部分丧失；4项及以上不能为完全丧失）</Typography.Text>
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label="评估日期" name="assessedDate" rules={[{ required: true, message: '请填写评估日期' }]}>
              <DateField style={{ width: '100%' }} />
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
        <Button type="primary" htmlType="submit" loading={busy} disabled={!preview}>
          保存评估
        </Button>
      </Form>
    </Card>
  );
}
