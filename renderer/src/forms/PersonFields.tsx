/**
 * The fields of one person. `name` is the prefix relative to the enclosing Form.List (or [] in a
 * standalone form); `absolute` is the full path, for watching values.
 */
import { Col, Form, Input, Row, Select } from 'antd';
import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUSES,
  ETHNICITIES,
  HEALTH_STATUSES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  RELATIONS,
  SELF_CARE_LEVELS,
} from '../../../shared/codes';
import type { NamePath } from '../lib/field-path';
import { filterByLabel, toOptions } from '../lib/codes';
import { IdNumberField } from './IdNumberField';
import { IncomeList } from './IncomeList';
import { useDisabilityCardHint } from './DisabilityCardHint';

const relationOptions = toOptions(RELATIONS);
const ethnicityOptions = toOptions(ETHNICITIES);
const maritalOptions = toOptions(MARITAL_STATUSES);
const healthOptions = toOptions(HEALTH_STATUSES);
const disabilityCategoryOptions = toOptions(DISABILITY_CATEGORIES);
const disabilityGradeOptions = toOptions(DISABILITY_GRADES);
const selfCareOptions = toOptions(SELF_CARE_LEVELS);
const labourOptions = toOptions(LABOUR_CAPACITIES);
const employmentOptions = toOptions(EMPLOYMENT_STATUSES);

interface Props {
  name: NamePath;
  absolute: NamePath;
  autoFocus?: boolean;
}

export function PersonFields({ name, absolute, autoFocus }: Props) {
  const cardHint = useDisabilityCardHint(absolute);
  const path = (field: string) => [...name, field];
  const abs = (field: string) => [...absolute, field];
  const pairRule = (other: string, label: string) => ({ getFieldValue }: { getFieldValue: (n: NamePath) => unknown }) => ({
    validator: (_: unknown, v: unknown) =>
      !!v === !!getFieldValue(abs(other)) ? Promise.resolve() : Promise.reject(new Error(`请同时填写${label}，或两者都留空`)),
  });

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="姓名" name={path('name')} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={30} autoFocus={autoFocus} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <IdNumberField name={path('idNumber')} absolute={abs('idNumber')} />
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="与户主关系" name={path('relation')} rules={[{ required: true, message: '请选择与户主关系' }]}>
            <Select options={relationOptions} showSearch={{ filterOption: filterByLabel }} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label="民族" name={path('ethnicity')}>
            <Select options={ethnicityOptions} showSearch={{ filterOption: filterByLabel }} allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="婚姻状况" name={path('maritalStatus')}>
            <Select options={maritalOptions} allowClear placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="健康状况" name={path('health')} rules={[{ required: true, message: '请选择健康状况' }]}>
            <Select options={healthOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="联系电话" name={path('phone')} rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})?$/, message: '应为11位手机号或带区号的固定电话' }]}>
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label="残疾类别" name={path('disabilityCategory')} dependencies={[abs('disabilityGrade')]} rules={[pairRule('disabilityGrade', '残疾等级')]}>
            <Select options={disabilityCategoryOptions} allowClear placeholder="无残疾" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label="残疾等级"
            name={path('disabilityGrade')}
            dependencies={[abs('disabilityCategory')]}
            rules={[pairRule('disabilityCategory', '残疾类别')]}
            extra={cardHint}
          >
            <Select options={disabilityGradeOptions} allowClear placeholder="无残疾" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="自理能力" name={path('selfCare')} rules={[{ required: true, message: '请选择自理能力' }]}>
            <Select options={selfCareOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="劳动能力" name={path('labourCapacity')}>
            <Select options={labourOptions} allowClear placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label="从业状况" name={path('employment')}>
            <Select options={employmentOptions} allowClear placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item label="备注" name={path('notes')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <IncomeList name={name} absolute={absolute} />
    </>
  );
}
