/**
 * What an income report and a 复审 share (IncomeRiseModal, ReviewModal): the members' wages as they
 * are entered (one row each: the registered wage, the wage now, working away or back), the four
 * circumstances the 低保 rules ask about, and 计算 — the decision previewed before it is recorded.
 */
import { useState, type ReactNode } from 'react';
import { App, Checkbox, Flex, Form, Input, Table } from 'antd';
import type { PersonDetail } from '../../../../shared/registry/types';
import { errorMessage } from '../../api/client';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';

export interface WageValues {
  wages: Record<string, string | undefined>;
  away: Record<string, boolean | undefined>;
}

export function wageOf(p: PersonDetail): number | null {
  const w = p.incomes.filter((i) => i.kind === 'wage');
  return w.length ? w.reduce((s, i) => s + i.monthlyFen, 0) : null;
}

/** The members whose wage was entered or who went away or came back; throws on a wage that is not yuan. */
export function reportedMembers(members: readonly PersonDetail[], v: WageValues) {
  return members.flatMap((m) => {
    const text = v.wages?.[m.id]?.trim();
    const away = v.away?.[m.id] ?? false;
    if (!text && !away) return [];
    let wageFen: number | null | undefined;
    if (text) {
      wageFen = parseYuanToFen(text);
      if (wageFen === null) throw new Error(`${m.name}的月工资格式无效：请填写元，最多两位小数`);
    }
    return [{ personId: m.id, wageFen, workingAwayOrReturned: away }];
  });
}

/** 计算: validates the form, builds the input and asks for the preview; any edit clears it (onValuesChange). */
export function usePreview<V, I, P>(form: { validateFields: () => Promise<V> }, build: (v: V) => I, ask: (input: I) => Promise<P>) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<P | null>(null);
  const [busy, setBusy] = useState(false);
  const calculate = async () => {
    let input: I;
    try {
      input = build(await form.validateFields());
    } catch (e) {
      if (e instanceof Error) message.error(e.message);
      return;
    }
    setBusy(true);
    try {
      setPreview(await ask(input));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { preview, setPreview, busy, calculate };
}

/** The four circumstances of a 低保 income report (field names as the contract's). */
export function IncomeFlags({ employmentLabel, securedLabel, testIdPrefix }: { employmentLabel: string; securedLabel: ReactNode; testIdPrefix: string }) {
  return (
    <Flex gap={16} wrap>
      <Form.Item name="riseFromEmployment" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid={`${testIdPrefix}-employment`}>{employmentLabel}</Checkbox>
      </Form.Item>
      <Form.Item name="selfReported" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid={`${testIdPrefix}-self`}>家庭主动申报</Checkbox>
      </Form.Item>
      <Form.Item name="incomeClearlyRisen" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>收入明显增加</Checkbox>
      </Form.Item>
      <Form.Item name="basicLivingSecure" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{securedLabel}</Checkbox>
      </Form.Item>
    </Flex>
  );
}

interface WagesTableProps {
  members: PersonDetail[];
  /** Column titles: the wage on record, the wage entered. */
  titles: [string, string];
  /** What the wage input is called for a member (its aria label ends with it), and its test id's prefix. */
  wageLabel: string;
  testIdPrefix: string;
  emptyText?: string;
}

export function WagesTable({ members, titles, wageLabel, testIdPrefix, emptyText }: WagesTableProps) {
  return (
    <Table<PersonDetail>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={members}
      locale={emptyText ? { emptyText } : undefined}
      columns={[
        { title: '成员', dataIndex: 'name', width: 100 },
        { title: titles[0], width: 130, render: (_, m) => (wageOf(m) == null ? '—' : formatFen(wageOf(m))) },
        {
          title: titles[1],
          render: (_, m) => (
            <Form.Item name={['wages', m.id]} style={{ margin: 0 }} initialValue={fenToYuanText(wageOf(m)) || undefined}>
              <Input inputMode="decimal" suffix="元" aria-label={`${m.name}的${wageLabel}`} data-testid={`${testIdPrefix}${m.name}`} placeholder="无工资收入不填" />
            </Form.Item>
          ),
        },
        {
          title: '外出务工/返岗',
          width: 120,
          render: (_, m) => (
            <Form.Item name={['away', m.id]} valuePropName="checked" style={{ margin: 0 }}>
              <Checkbox aria-label={`${m.name}外出务工或返岗`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
