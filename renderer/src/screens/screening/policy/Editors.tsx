/** Editors of a draft cadence policy and draft urgency limits (the holiday calendar has its own file). */
import { InputNumber, Select, Space, Table, Typography } from 'antd';
import { CADENCES, SCREENING_GROUPS, type CadencePolicy } from '../../../../../shared/screening/cadence';
import { LIMIT_FIELDS } from '../../../../../shared/screening/policy-check';
import type { Limit, UrgencyLimits } from '../../../../../shared/ledger/deadlines';

const NONE = 'none';

export function CadenceEditor({ value, onChange, readOnly }: { value: CadencePolicy; onChange: (v: CadencePolicy) => void; readOnly: boolean }) {
  const cadenceOf = (group: string) => value.rules.find((r) => r.group === group)?.cadence ?? NONE;
  const setCadence = (group: (typeof SCREENING_GROUPS)[number]['code'], c: string) => {
    const rules = value.rules.filter((r) => r.group !== group);
    if (c !== NONE) rules.push({ group, cadence: c as CadencePolicy['rules'][number]['cadence'] });
    // Kept in the order of the group list.
    const order = SCREENING_GROUPS.map((g) => g.code as string);
    onChange({ ...value, rules: rules.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group)) });
  };
  return (
    <div data-testid="cadence-editor">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>老年人：年满</span>
        <InputNumber aria-label="老年人年龄起点" disabled={readOnly} min={40} max={100} precision={0} value={value.elderlyAge}
          onChange={(v) => onChange({ ...value, elderlyAge: v ?? 0 })} suffix="周岁" />
        <span>未成年人：不满</span>
        <InputNumber aria-label="未成年人年龄上限" disabled={readOnly} min={1} max={25} precision={0} value={value.childAgeBelow}
          onChange={(v) => onChange({ ...value, childAgeBelow: v ?? 0 })} suffix="周岁" />
      </Space>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={SCREENING_GROUPS.map((g) => ({ ...g }))}
        columns={[
          { title: '群体', dataIndex: 'label' },
          {
            title: '排查频次',
            width: 200,
            render: (_, g) => (
              <Select
                aria-label={`${g.label}的排查频次`}
                disabled={readOnly}
                style={{ width: 170 }}
                value={cadenceOf(g.code)}
                onChange={(c: string) => setCadence(g.code, c)}
                options={[...CADENCES.map((c) => ({ value: c.code, label: c.label })), { value: NONE, label: '不单独设置' }]}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        一人属于多个群体时按最密的频次排查；一户按其成员中最密的频次排查。
      </Typography.Paragraph>
    </div>
  );
}

function LimitInput({ label, value, onChange, readOnly }: { label: string; value: Limit; onChange: (v: Limit) => void; readOnly: boolean }) {
  return (
    <Space.Compact>
      <InputNumber aria-label={`${label}的数值`} disabled={readOnly} min={1} max={720} precision={0} value={value.amount}
        onChange={(v) => onChange({ ...value, amount: v ?? 0 })} style={{ width: 100 }} />
      <Select aria-label={`${label}的单位`} disabled={readOnly} value={value.unit} style={{ width: 100 }}
        onChange={(unit: Limit['unit']) => onChange({ ...value, unit })}
        options={[{ value: 'hours', label: '小时' }, { value: 'working-days', label: '个工作日' }]} />
    </Space.Compact>
  );
}

type Path = (typeof LIMIT_FIELDS)[number]['path'];

function getLimit(v: UrgencyLimits, path: Path): Limit {
  return path.length === 2 ? v[path[0]][path[1]] : v[path[0]];
}

function setLimit(v: UrgencyLimits, path: Path, limit: Limit): UrgencyLimits {
  if (path.length === 2) return { ...v, [path[0]]: { ...v[path[0]], [path[1]]: limit } };
  return { ...v, [path[0]]: limit };
}

export function UrgencyEditor({ value, onChange, readOnly }: { value: UrgencyLimits; onChange: (v: UrgencyLimits) => void; readOnly: boolean }) {
  return (
    <Table
      data-testid="urgency-editor"
      rowKey="label"
      size="small"
      pagination={false}
      dataSource={LIMIT_FIELDS.map((f) => ({ ...f }))}
      columns={[
        { title: '时限', dataIndex: 'label' },
        {
          title: '自登记（或转介）起',
          width: 240,
          render: (_, f) => <LimitInput label={f.label} readOnly={readOnly} value={getLimit(value, f.path)} onChange={(l) => onChange(setLimit(value, f.path, l))} />,
        },
      ]}
    />
  );
}

export function limitText(l: Limit): string {
  return `${l.amount}${l.unit === 'hours' ? '小时' : '个工作日'}`;
}
