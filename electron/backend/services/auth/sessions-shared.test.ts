/**
 * The sessions shared by the host's two workers: the reader adopts the writer's sign-ins and
 * sign-outs without losing a user action it served that the writer has not heard of yet, and the
 * writer counts the actions the reader tells it of, never reviving a session that ended.
 */
import { describe, expect, test } from 'vitest';
import { SESSION_IDLE_MS, SessionStore } from './sessions';

describe('sessions shared by the writer and the reader', () => {
  test('the reader tells the user actions it served; the writer counts them', () => {
    let t = 1_000_000;
    const writer = new SessionStore(() => t);
    const s = writer.create('user-1');
    const reader = new SessionStore(() => t, writer.state());
    t += 20 * 60_000;
    const before = reader.state();
    expect(reader.check(s.token, { activity: true }).ok).toBe(true);
    const activity = reader.activitySince(before);
    expect(activity).toEqual([{ token: s.token, at: t }]);
    expect(reader.activitySince(reader.state())).toEqual([]); // a poll that is not an action tells nothing
    expect(writer.touch(activity)).toBe(true);
    t += SESSION_IDLE_MS - 60_000; // 49 minutes after sign-in, 29 after the reader's action
    expect(writer.check(s.token, { activity: false }).ok).toBe(true);
  });

  test("adopting the writer's state: its sign-outs end ours, our later action is kept", () => {
    let t = 1_000_000;
    const writer = new SessionStore(() => t);
    const a = writer.create('user-1');
    const b = writer.create('user-2');
    const reader = new SessionStore(() => t, writer.state());
    t += 10 * 60_000;
    reader.check(a.token, { activity: true });
    writer.end(b.token);
    const c = writer.create('user-3');
    reader.adopt(writer.state());
    expect(reader.state().live.find((s) => s.token === a.token)?.lastActive).toBe(t);
    expect(reader.check(b.token, { activity: false })).toEqual({ ok: false, reason: 'invalid' });
    expect(reader.check(c.token, { activity: false }).ok).toBe(true);
  });

  test('an ended session is not revived by a late action', () => {
    const t = 1_000_000;
    const writer = new SessionStore(() => t);
    const s = writer.create('user-1');
    writer.endAllFor('user-1');
    expect(writer.touch([{ token: s.token, at: t + 1 }])).toBe(false);
    expect(writer.check(s.token, { activity: false })).toEqual({ ok: false, reason: 'revoked' });
  });
});
