import { describe, expect, test } from 'vitest';
import type { SyncStatus } from '../../../../shared/sync/status';
import { indicatorText } from './sync-labels';

const status = (over: Partial<SyncStatus>): SyncStatus => ({
  enrolled: true,
  serverUrl: 'http://127.0.0.1:5790',
  deviceId: 'd',
  scope: { kind: 'street', partition: '120110001000' },
  state: 'online',
  running: false,
  lastSyncedAt: '2026-06-01T00:00:00.000Z',
  pendingCount: 0,
  parkedCount: 0,
  rejectedCount: 0,
  lastError: null,
  clockDrift: null,
  lastNotice: null,
  credentialUnopenable: null,
  progress: null,
  ...over,
});

describe('the header sync indicator', () => {
  test('says how far a running sync has got, then what waits', () => {
    expect(indicatorText(status({ state: 'syncing', running: true, progress: { snapshotRows: 35000, pushed: 0, pulled: 12 }, pendingCount: 2 }))).toBe(
      '正在同步 · 已下载 35,012 条 · 待上传 2 条',
    );
    expect(indicatorText(status({ state: 'syncing', running: true, progress: { snapshotRows: 0, pushed: 0, pulled: 0 } }))).toBe('正在同步');
    expect(indicatorText(status({ rejectedCount: 1 }))).toBe('在线 · 被拒 1 条');
    expect(indicatorText(status({ enrolled: false }))).toBe('未登记同步');
    expect(indicatorText(status({ enrolled: false, credentialUnopenable: { message: 'm', action: 'a' } }))).toBe('需重新登记同步');
  });
});
