/** 收入 items of a person: kind + monthly amount in 元 (+ note), with the counted monthly total. */
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INCOME_KINDS } from '../../../shared/codes';
import type { NamePath } from '../lib/field-path';
import { toOptions } from '../lib/codes';
import { formatFen } from '../lib/money';
import { monthlyIncomeFen, type IncomeFormValue } from './person-values';
import { YuanInput, yuanRules } from './YuanInput';

const kindOptions = toOptions(INCOME_KINDS);

function IncomeTotal({ absolute }: { absolute: NamePath }) {
  const incomes = Form.useWatch([...absolute, 'incomes']) as IncomeFormValue[] | undefined;
  if (!incomes || incomes.length === 0) return null;
  return (
    <Typography.Text type="secondary" data-testid="income-total">
      计入收入合计：{formatFen(monthlyIncomeFen(incomes))}/月
    </Typography.Text>
  );
}

export function IncomeList({ name, absolute }: { name: NamePath; absolute: NamePath }) {
  return (
    <Form.List name={[...name, 'incomes']}>
      {(fields, { add, remove }) => (
        <div>
          <Typography.Text strong>收入</Typography.Text>
          {fields.length === 0 && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              无收入
            </Typography.Text>
          )}
          {fields.map((field, i) => (
            <Row key={field.key} gutter={8} align="top" style={{ marginTop: 8 }} data-testid={`income-${i}`}>
              <Col span={7}>
                <Form.Item label={`收入类别 ${i + 1}`} name={[field.name, 'kind']} rules={[{ required: true, message: '请选择收入类别' }]}>
                  <Select options={kindOptions} placeholder="收入类别" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={`月收入 ${i + 1}`} name={[field.name, 'monthlyYuan']} rules={yuanRules}>
                  <YuanInput />
                </Form.Item>
              </Col>
              <Col span={9}>
                <Form.Item label={`收入说明 ${i + 1}`} name={[field.name, 'note']}>
                  <Input maxLength={100} placeholder="如：养老金、务工收入" />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Form.Item label=" " colon={false}>
                  <Button aria-label={`删除收入 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <div style={{ marginTop: 8, display: 'flex', gap: 16, alignItems: 'center' }}>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'wage', monthlyYuan: '' })}>
              添加收入
            </Button>
            <IncomeTotal absolute={absolute} />
          </div>
        </div>
      )}
    </Form.List>
  );
}
