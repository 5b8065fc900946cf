/**
 * 工作台: the first screen after sign-in. What is due for the signed-in user's role, from one call
 * (home.workbench); each line opens the list it counts, filtered (list-route.ts). Refreshed on the
 * backend's changed events like every list (useApiQuery), never polled.
 *
 * The page is a list of section cards (SECTION_CARDS below): a new card (e.g. the district's 通报)
 * is one more entry.
 */
import type { ReactNode } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { Workbench, WorkbenchDeadline, WorkbenchFigure, WorkbenchSection } from '../../../../shared/home/procedures';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { roleLabel } from '../../lib/roles';
import { hrefOf, type Route } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { useSession } from '../../session/session-context';
import { Countdown } from '../assistance/Countdown';
import { STATE_COLOR, STATE_LABEL } from '../sync/sync-labels';
import { routeOfList } from './list-route';
import { CircularsCard } from '../reports/CircularsCard';
import './workbench.css';

const TONE_COLOR: Record<WorkbenchFigure['tone'], string | undefined> = { danger: '#cf1322', warning: '#d46b08', plain: undefined };

/** One line: what it counts and how many; a link to the filtered list. */
function FigureLine({ f }: { f: WorkbenchFigure }) {
  return (
    <a className="wb-line" href={hrefOf(routeOfList(f.list))} data-testid={`wb-${f.key}`} aria-label={`${f.label}：${f.count}，打开名单`}>
      <span>{f.label}</span>
      <span className="wb-count" style={{ color: f.count > 0 ? TONE_COLOR[f.tone] : 'rgba(0,0,0,0.35)' }} data-testid={`wb-${f.key}-count`}>
        {f.count}
      </span>
    </a>
  );
}

const DEADLINE_ROUTE: Partial<Record<WorkbenchSection['key'], (d: WorkbenchDeadline) => Route>> = {
  ledger: (d) => ({ name: 'ledger-item', id: d.id }),
  temporary: () => ({ name: 'temporary', filter: 'openOnly=1&type=urgent' }),
};

function Deadlines({ section }: { section: WorkbenchSection }) {
  const items = section.deadlines ?? [];
  const routeOf = DEADLINE_ROUTE[section.key];
  if (items.length === 0 || !routeOf) return null;
  return (
    <div className="wb-deadlines" data-testid={`wb-${section.key}-deadlines`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {section.key === 'ledger' ? '一级（24小时）事项，超期的在前' : '急难型申请，审批时限最近的在前'}
      </Typography.Text>
      {items.map((d) => (
        <a key={d.id} className="wb-deadline" href={hrefOf(routeOf(d))} data-testid="wb-deadline">
          <span className="wb-deadline-text">
            <Typography.Text strong>{d.title}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', maxWidth: '100%' }}>
              {d.detail}
            </Typography.Text>
          </span>
          <Countdown deadline={d.deadline} label={section.key === 'ledger' ? '办理剩余时间' : '审批剩余时间'} />
        </a>
      ))}
    </div>
  );
}

function SectionCard({ section }: { section: WorkbenchSection }) {
  const nothing = section.figures.every((f) => f.count === 0);
  return (
    <Card size="small" title={section.title} data-testid={`wb-section-${section.key}`} className="wb-card">
      {nothing ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={section.empty} style={{ margin: '8px 0' }} />
      ) : (
        <>
          {section.figures.map((f) => (
            <FigureLine key={f.key} f={f} />
          ))}
          <Deadlines section={section} />
        </>
      )}
    </Card>
  );
}

function SyncCard({ wb }: { wb: Workbench }) {
  const s = wb.sync;
  if (!s) return null;
  return (
    <Card size="small" title="同步" className="wb-card" data-testid="wb-section-sync" extra={<a href={hrefOf({ name: 'sync' })}>打开同步</a>}>
      {!s.enrolled ? (
        <Typography.Text type="secondary">本机尚未登记到区级服务器，数据只保存在本机。</Typography.Text>
      ) : (
        <Space direction="vertical" size={4}>
          <span>
            <Tag color={STATE_COLOR[s.state]}>{STATE_LABEL[s.state]}</Tag>
            {s.lastSyncedAt ? `上次同步 ${formatInstant(s.lastSyncedAt)}` : '尚未同步'}
          </span>
          <span>{`待上传的修改：${s.pendingCount} 条`}</span>
          {s.rejectedCount > 0 && <Typography.Text type="danger">{`被服务器拒收的修改：${s.rejectedCount} 条，请到同步页处理`}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}

/** The cards of the page, in order: sections from the backend, then sync. Add a card here. */
const SECTION_CARDS: ((wb: Workbench) => ReactNode)[] = [
  (wb) => wb.sections.map((s) => <SectionCard key={s.key} section={s} />),
  (wb) => <SyncCard wb={wb} />,
];

export function WorkbenchPage() {
  const { session } = useSession();
  const q = useApiQuery(() => api.call('home.workbench', {}), []);
  const cards = q.data ? SECTION_CARDS.flatMap((c) => c(q.data!)).flat().filter(Boolean) : [];
  return (
    <div data-testid="workbench">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          工作台
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 12 }}>
            {`${session.user.displayName}（${roleLabel(session.user.role)}）${q.data ? ` · ${q.data.today}` : ''}`}
          </Typography.Text>
        </Typography.Title>
        <Button icon={<TeamOutlined />} onClick={() => navigate({ name: 'households' })} data-testid="wb-households">
          家庭列表
        </Button>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : !q.data ? (
        <LoadingBlock text="正在统计待办…" />
      ) : (
        <>
          {/* the district's 通报 naming this street, above the rest (they ask for corrections); nothing when there is none */}
          {session.user.role !== 'district-admin' && <CircularsCard hideWhenEmpty style={{ marginBottom: 12 }} />}
          <Row gutter={[12, 12]}>
          {cards.map((c, i) => (
            <Col key={i} xs={24} md={12} xl={8}>
              {c}
            </Col>
          ))}
          </Row>
        </>
      )}
    </div>
  );
}
