/** 家庭列表: the whole street's households, filtered and searched on the server, page by page. */
import { useCallback, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { cardNumberFromCode } from '../../../../shared/care/card-code';
import type { HouseholdRow } from '../../../../shared/registry/types';
import { navigate } from '../../router/use-route';
import { ErrorBlock } from '../../components/ErrorBlock';
import { api, errorMessage } from '../../api/client';
import { ImportModal } from '../import/ImportModal';
import { HouseholdFilters } from './HouseholdFilters';
import { HouseholdTable, type HouseholdTableHandle } from './HouseholdTable';
import { HouseholdToolbar } from './HouseholdToolbar';
import { filterInput, hasFilters } from './list-state';
import { useHouseholdList } from './use-household-list';

export function HouseholdListPage() {
  const list = useHouseholdList();
  const tableRef = useRef<HouseholdTableHandle>(null);
  const [importOpen, setImportOpen] = useState(false);
  const filtered = hasFilters(list.query);

  const open = useCallback((row: HouseholdRow) => navigate({ name: 'household', id: row.id }), []);

  const { message } = App.useApp();
  /** A scanned care-service card (its QR carries the card number with a check character) opens its holder. */
  const openCard = (code: string) =>
    api
      .call('care.cardByCode', { code })
      .then((c) => navigate({ name: 'care-person', id: c.personId }))
      .catch((e: unknown) => void message.error(errorMessage(e)));

  const onSearchKey = (key: 'ArrowDown' | 'Enter') => {
    if (key === 'Enter' && /^ZL-/i.test(list.query.q.trim())) {
      if (cardNumberFromCode(list.query.q)) void openCard(list.query.q);
      else void message.error('卡号校验位不符：请重新扫码或核对卡号');
      return;
    }
    const rows = list.page?.rows ?? [];
    if (key === 'Enter' && rows.length === 1 && list.appliedQ === list.query.q) open(rows[0]!);
    else tableRef.current?.focusFirstRow();
  };

  const empty = filtered ? (
    <Empty description="没有符合条件的家庭">
      <Button onClick={list.reset}>显示全部家庭</Button>
    </Empty>
  ) : (
    <Empty description="暂无家庭记录">
      <Space>
        <Button type="primary" onClick={() => navigate({ name: 'household-new' })}>
          登记第一户家庭
        </Button>
        <Button onClick={() => setImportOpen(true)}>从Excel导入</Button>
      </Space>
    </Empty>
  );

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            家庭列表
          </Typography.Title>
          {list.page && (
            <Typography.Text type="secondary" data-testid="household-total">
              {filtered ? '符合条件' : '全街道'}共 {list.page.total.toLocaleString('zh-CN')} 户
            </Typography.Text>
          )}
        </Space>
        <HouseholdToolbar filter={filterInput(list.query)} onImport={() => setImportOpen(true)} />
      </Flex>
      <div style={{ marginBottom: 12 }}>
        <HouseholdFilters query={list.query} onChange={list.update} onReset={list.reset} onSearchKey={onSearchKey} />
      </div>
      {list.error != null && !list.page ? (
        <ErrorBlock error={list.error} onRetry={list.reload} title="家庭列表加载失败" />
      ) : (
        <>
          {list.error != null && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={`刷新失败：${errorMessage(list.error)}`}
              action={<Button size="small" onClick={list.reload}>重试</Button>}
            />
          )}
          <HouseholdTable
            ref={tableRef}
            page={list.page}
            loading={list.loading}
            current={list.query.page}
            pageSize={list.query.pageSize}
            onPage={(page, pageSize) => list.update({ page, pageSize })}
            onOpen={open}
            empty={empty}
          />
        </>
      )}
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} onImported={list.reload} />
    </Card>
  );
}
