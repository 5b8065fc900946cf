import { describe, expect, test } from 'vitest';
import { outboxBatch, outboxCount, recordPushResult } from './encode';
import { ownCheck } from './recover';
import { TEST_ACTOR, TEST_STREET, testReplicas } from './testing/memory-replicas';

const replica = testReplicas();
const logSize = (s: ReturnType<typeof replica>) => s.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

describe('a change log that forgets what the server has', () => {
  test('acknowledged changes leave the log; refused ones stay; ownCheck keeps the highest acknowledged stamp', () => {
    const s = replica();
    for (let i = 0; i < 5; i++) s.insert('communities', { streetCode: TEST_STREET, name: `社区${i}` }, TEST_ACTOR, null);
    const sent = outboxBatch(s, 100);
    expect(sent).toHaveLength(5);
    const refused = sent[4]!;
    recordPushResult(s, sent, {
      accepted: sent.slice(0, 4).map((c) => c.hlc),
      rejected: [{ hlc: refused.hlc, node: refused.node, code: 'bad-value', message: '名称不合规' }],
      serverTime: s.nowIso(),
    });
    expect(outboxCount(s)).toBe(0);
    // only the refused change is left, for the 同步 page
    expect(s.prepare('SELECT hlc FROM change_log').pluck().all()).toEqual([refused.hlc]);
    expect(ownCheck(s).known).toBe(sent[3]!.hlc);

    // a year of pushes does not grow the log
    for (let round = 0; round < 20; round++) {
      s.insert('communities', { streetCode: TEST_STREET, name: `后来${round}` }, TEST_ACTOR, null);
      const batch = outboxBatch(s, 100);
      recordPushResult(s, batch, { accepted: batch.map((c) => c.hlc), rejected: [], serverTime: s.nowIso() });
      expect(logSize(s)).toBe(1);
      expect(ownCheck(s).known).toBe(batch.at(-1)!.hlc);
    }
  });
});
