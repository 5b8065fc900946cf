/** The fields of a household; `prefix` is ['household'] in the new-household form, [] when editing. */
import { Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { ASSISTANCE_CATEGORIES, HOUSEHOLD_STATUSES, HUKOU_TYPES } from '../../../shared/codes';
import { isProgrammeCategory } from '../../../shared/assistance/programme-categories';
import { CategoryTags } from '../components/CategoryTags';
import type { NamePath } from '../lib/field-path';
import { toOptions } from '../lib/codes';
import { CommunityGridFields } from './CommunityGridFields';

const hukouOptions = toOptions(HUKOU_TYPES);
const statusOptions = toOptions(HOUSEHOLD_STATUSES);
/** Situations only: 低保, 低保边缘 and 特困 come from the household's enrolments (纳入救助), never a tick. */
const categoryOptions = toOptions(ASSISTANCE_CATEGORIES.filter((c) => !isProgrammeCategory(c.code)));

/** `programmes`: the household's programmes in force (editing), shown read-only. */
export function HouseholdFields({ prefix, autoFocus, programmes }: { prefix: NamePath; autoFocus?: boolean; programmes?: readonly string[] }) {
  const path = (f: string) => [...prefix, f];
  return (
    <>
      <Row gutter={16}>
        <CommunityGridFields prefix={prefix} autoFocus={autoFocus} />
        <Col xs={12} md={4}>
          <Form.Item label="户籍类型" name={path('hukouType')} rules={[{ required: true, message: '请选择户籍类型' }]}>
            <Select options={hukouOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label="状态" name={path('status')} rules={[{ required: true, message: '请选择状态' }]}>
            <Select options={statusOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item label="家庭住址" name={path('address')} rules={[{ required: true, whitespace: true, message: '请填写家庭住址' }]}>
            <Input maxLength={120} placeholder="如：詹滨西里3号楼2门301" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="联系电话"
            name={path('phone')}
            rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})?$/, message: '应为11位手机号或带区号的固定电话' }]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="开户银行" name={path('bankName')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label="银行账号"
            name={path('bankAccount')}
            normalize={(v: string | undefined) => (v ?? '').replace(/[^\d]/g, '')}
            rules={[{ pattern: /^(\d{10,30})?$/, message: '银行账号应为10至30位数字' }]}
          >
            <Input maxLength={30} inputMode="numeric" className="doudi-mono" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="账户户名" name={path('accountHolder')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="救助项目" extra="低保、低保边缘、特困供养经“纳入救助”办理（家庭页面“救助保障”页签），审批后或导入后在此显示，不能直接勾选。">
        <span data-testid="household-programmes">
          <CategoryTags categories={programmes ?? []} />
        </span>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          经纳入救助办理
        </Typography.Text>
      </Form.Item>
      <Form.Item label="关爱类别" name={path('categories')}>
        <Checkbox.Group options={categoryOptions} />
      </Form.Item>
      <Form.Item label="备注" name={path('notes')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
