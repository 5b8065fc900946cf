/** 家庭成员 of the household, with the full ID number (this view is audited) and per-member actions. */
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PersonDetail } from '../../../../shared/registry/types';
import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUSES,
  HEALTH_STATUSES,
  labelOf,
  RELATIONS,
  SELF_CARE_LEVELS,
} from '../../../../shared/codes';
import { formatFen } from '../../lib/money';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';

export type MemberAction = 'edit' | 'move' | 'delete' | 'death' | 'correct-death' | 'withdraw-death';

interface Props {
  members: PersonDetail[];
  onAction: (action: MemberAction, person: PersonDetail) => void;
}

function disability(p: PersonDetail) {
  if (!p.disabilityCategory) return '无';
  const text = `${labelOf(DISABILITY_CATEGORIES, p.disabilityCategory)}${labelOf(DISABILITY_GRADES, p.disabilityGrade)}`;
  return (
    <>
      {text}
      {p.disabilityCardNumber && (
        <div className="doudi-mono" style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
          证号 {p.disabilityCardNumber}
        </div>
      )}
    </>
  );
}

export function MembersTable({ members, onAction }: Props) {
  const { session } = useSession();
  const supervisor = isSupervisorRole(session.user.role);
  const columns: TableColumnsType<PersonDetail> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 112,
      fixed: 'left',
      render: (v: string, p) => (p.diedOn ? <>{v}<div><Tag data-testid="died-tag">已故 {p.diedOn}</Tag></div></> : v),
    },
    { title: '身份证号码', dataIndex: 'idNumber', width: 175, render: (v: string) => <span className="doudi-mono">{v}</span> },
    { title: '性别/年龄', key: 'sexAge', width: 82, render: (_: unknown, p) => `${p.sex === 'male' ? '男' : '女'} · ${p.age}岁` },
    { title: '与户主关系', dataIndex: 'relation', width: 90, render: (v: string) => labelOf(RELATIONS, v) },
    { title: '健康', dataIndex: 'health', width: 60, render: (v: string) => labelOf(HEALTH_STATUSES, v) },
    { title: '残疾', key: 'disability', width: 170, render: (_: unknown, p) => disability(p) },
    { title: '自理能力', dataIndex: 'selfCare', width: 140, render: (v: string) => labelOf(SELF_CARE_LEVELS, v) },
    { title: '从业状况', dataIndex: 'employment', width: 84, render: (v: string | null) => labelOf(EMPLOYMENT_STATUSES, v) },
    { title: '月收入', dataIndex: 'monthlyIncomeFen', width: 110, align: 'right', render: (v: number) => formatFen(v) },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" aria-label={`编辑 ${p.name}`} onClick={() => onAction('edit', p)}>
            编辑
          </Button>
          <Tooltip title="迁移到其他家庭">
            <Button type="link" size="small" aria-label={`迁移 ${p.name}`} onClick={() => onAction('move', p)}>
              迁移
            </Button>
          </Tooltip>
          {!p.diedOn && (
            <Button type="link" size="small" aria-label={`登记死亡 ${p.name}`} onClick={() => onAction('death', p)}>
              登记死亡
            </Button>
          )}
          {p.diedOn && supervisor && (
            <Button type="link" size="small" aria-label={`更正死亡日期 ${p.name}`} onClick={() => onAction('correct-death', p)}>
              更正死亡日期
            </Button>
          )}
          {p.diedOn && supervisor && (
            <Button type="link" size="small" danger aria-label={`撤销死亡登记 ${p.name}`} onClick={() => onAction('withdraw-death', p)}>
              撤销死亡登记
            </Button>
          )}
          <Button type="link" size="small" danger aria-label={`删除 ${p.name}`} onClick={() => onAction('delete', p)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="member-table">
      <Table<PersonDetail>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={members}
        pagination={false}
        scroll={{ x: 1322 }}
        locale={{ emptyText: '该家庭暂无成员，请添加成员' }}
      />
    </div>
  );
}
