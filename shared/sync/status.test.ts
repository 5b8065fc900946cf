import { describe, expect, test } from 'vitest';
import { describeDrift, reasonOf, tableLabel } from './status';

describe('sync status wording', () => {
  test('clock drift in words with what to do', () => {
    expect(describeDrift(20_000)).toMatchObject({ level: 'ok', action: null });
    expect(describeDrift(-3 * 60_000)).toMatchObject({ level: 'warn', words: '本机时间比区级服务器慢约 3 分钟' });
    expect(describeDrift(4 * 60_000).level).toBe('warn');
    const fast = describeDrift(2 * 3600_000);
    expect(fast).toMatchObject({ level: 'severe', words: '本机时间比区级服务器快约 2 小时' });
    expect(fast.action).toMatch(/拒收.*北京时间.*立即同步/);
    expect(describeDrift(-3 * 86_400_000).words).toBe('本机时间比区级服务器慢约 3 天');
  });

  test('every reason, including the network, has a Chinese message and action', () => {
    expect(reasonOf('network').message).toBe('无法连接区级服务器');
    expect(reasonOf('clock-ahead').action).toMatch(/北京时间/);
    expect(reasonOf('made-up')).toEqual(reasonOf('server-error'));
    expect(tableLabel('persons')).toBe('人员');
  });
});
