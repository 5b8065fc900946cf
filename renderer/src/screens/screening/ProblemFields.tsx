/** The fields of one problem found on a visit: category, urgency, person, description. */
import { Form, Input, Radio, Select } from 'antd';
import { CATEGORY_OPTIONS } from '../ledger/ledger-ui';
import { filterByLabel, type Option } from '../../lib/codes';

export function ProblemFields({ name, people, index }: { name: number; people: Option[]; index: number }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '130px 170px 130px 1fr', gap: 8, alignItems: 'start' }}>
      <Form.Item name={[name, 'category']} label={`问题${index + 1}类别`} rules={[{ required: true, message: '请选择问题类别' }]}>
        <Select options={CATEGORY_OPTIONS} showSearch={{ filterOption: filterByLabel }} data-testid={`problem-${index}-category`} />
      </Form.Item>
      <Form.Item name={[name, 'urgency']} label="紧急程度" rules={[{ required: true, message: '请选择紧急程度' }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: '1', label: '一级 急难' },
            { value: '2', label: '二级' },
          ]}
        />
      </Form.Item>
      <Form.Item name={[name, 'personId']} label="当事人">
        <Select allowClear options={people} placeholder="全户" />
      </Form.Item>
      <Form.Item name={[name, 'description']} label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}>
        <Input maxLength={500} data-testid={`problem-${index}-description`} />
      </Form.Item>
    </div>
  );
}
