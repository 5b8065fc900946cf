/**
 * 照料服务 › 协议范本: the agreement wording in force, revisions already decided, and every version with
 * its effective date. Admins revise it (effective-dated); agreements keep the wording they were drawn
 * up with.
 */
import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { AgreementTemplateSchema, TEMPLATE_PLACEHOLDERS, templateParts, type AgreementTemplate } from '../../../../shared/care/template';
import type { ParamRecord } from '../../../../shared/policy/types';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { isAdminRole } from '../../lib/roles';
import { navigate } from '../../router/use-route';
import { useSession } from '../../session/session-context';
import { TemplateEditorModal } from './TemplateEditorModal';
import { appClock } from '../../api/clock';

const KEY = 'care.agreementTemplate';

function asTemplate(r: ParamRecord | null | undefined): AgreementTemplate | null {
  const parsed = AgreementTemplateSchema.safeParse(r?.value);
  return parsed.success ? parsed.data : null;
}

/** Placeholders shown as marked fields, the way the printed agreement fills them in. */
function Marked({ text }: { text: string }) {
  return (
    <>
      {templateParts(text).map((p, i) =>
        'key' in p ? (
          <Tag key={i} color="blue" title={p.raw} style={{ marginInline: 2, textIndent: 0 }}>
            {(TEMPLATE_PLACEHOLDERS[p.key] ?? p.key).split('：').pop()}
          </Tag>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

function TemplateText({ t }: { t: AgreementTemplate }) {
  return (
    <div data-testid="template-text" style={{ fontFamily: '"Noto Serif SC", serif', lineHeight: 1.9 }}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}><Marked text={t.title} /></Typography.Title>
      <Typography.Paragraph><Marked text={t.preamble} /></Typography.Paragraph>
      {t.sections.map((s, i) => (
        <div key={i}>
          <Typography.Text strong><Marked text={s.heading} /></Typography.Text>
          {s.clauses.map((c, j) => <Typography.Paragraph key={j} style={{ textIndent: '2em', marginBottom: 4 }}><Marked text={c} /></Typography.Paragraph>)}
        </div>
      ))}
      <Typography.Paragraph style={{ marginTop: 12 }}><Marked text={t.closing} /></Typography.Paragraph>
    </div>
  );
}

export function TemplatePage() {
  const { session } = useSession();
  const q = useApiQuery(async () => (await api.call('policy.listParams', {})).find((p) => p.key === KEY) ?? null, []);
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!q.data) return q.loading ? <LoadingBlock text="正在读取协议范本…" /> : <Empty description="尚未设置协议范本" />;
  const item = q.data;
  // A street PC enrolled with the district receives the template from it and cannot revise it.
  const canEdit = isAdminRole(session.user.role) && item.settableHere;
  const today = appClock.today();
  const shown = viewing ? item.history.find((h) => h.id === viewing) ?? item.current : item.current;
  const template = asTemplate(shown);
  const pending = item.history.filter((h) => h.effectiveFrom > today);
  return (
    <div data-testid="care-template">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>委托照料服务协议范本</Typography.Title>
        <Space>
          <Button icon={<RollbackOutlined />} onClick={() => navigate({ name: 'care' })}>返回“四有”台账</Button>
          {canEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="revise-template">
              修订范本
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        协议条款来自区民政局统一制定的范本。修订自生效日期起适用于新起草的协议；已起草的协议保持起草时的条款。所有修订均记入操作日志。
      </Typography.Paragraph>
      {pending.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`已定未生效：${pending.map((p) => `${p.effectiveFrom} 起 ${asTemplate(p)?.version ?? ''}`).join('；')}`} />
      )}
      <Card
        size="small"
        title={shown ? `${asTemplate(shown)?.version ?? ''}（${shown.effectiveFrom} 起${shown.id === item.current?.id ? '，现行' : ''}）` : '现行范本'}
        extra={viewing && <Button size="small" onClick={() => setViewing(null)}>查看现行范本</Button>}
      >
        {template ? <TemplateText t={template} /> : <Empty description="该版本内容无法识别" />}
      </Card>
      <Typography.Title level={5} style={{ marginTop: 16 }}>历次版本</Typography.Title>
      <Table<ParamRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={item.history}
        data-testid="template-history"
        columns={[
          { title: '生效日期', dataIndex: 'effectiveFrom', width: 120 },
          { title: '版本', render: (_, r) => asTemplate(r)?.version ?? '—' },
          { title: '状态', width: 100, render: (_, r) => (r.effectiveFrom > today ? <Tag color="blue">未生效</Tag> : r.id === item.current?.id ? <Tag color="green">现行</Tag> : <Tag>已停用</Tag>) },
          { title: '依据/备注', dataIndex: 'note' },
          { title: '', width: 80, render: (_, r) => <Button size="small" type="link" onClick={() => setViewing(r.id)}>查看</Button> },
        ]}
      />
      {editing && (
        <TemplateEditorModal
          initial={asTemplate(pending[0] ?? item.current) ?? asTemplate(item.current)!}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
