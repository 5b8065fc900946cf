import { describe, expect, test } from 'vitest';
import { exitAllowed, exitRefusal, exitRefusalOn } from './exit-rule';

describe('the one exit rule while exits are suspended', () => {
  test('outside a suspension anyone may leave', () => {
    expect(exitAllowed(false, {})).toBe(true);
    expect(exitRefusal(false, {})).toBeNull();
  });

  test('inside it both recorded answers are needed, and the refusal quotes the rule and names what is missing', () => {
    expect(exitAllowed(true, { incomeClearlyRisen: true })).toBe(false);
    expect(exitAllowed(true, { basicLivingSecure: true })).toBe(false);
    expect(exitAllowed(true, { incomeClearlyRisen: true, basicLivingSecure: true })).toBe(true);
    const r = exitRefusal(true, { incomeClearlyRisen: true });
    expect(r).toMatchObject({ field: 'basicLivingSecure' });
    expect(r!.message).toContain('除家庭收入明显提高，基本生活确能保障外，暂停开展低保对象退出工作');
    expect(r!.message).toContain('须确认“基本生活确能保障”');
  });
});

describe('every path through the one rule', () => {
  test('death is never refused; a registry path is refused with the rule and its own name', () => {
    expect(exitRefusalOn('death', true, {})).toBeNull();
    expect(exitRefusalOn('household-deleted', false, {})).toBeNull();
    const r = exitRefusalOn('household-deleted', true, {});
    expect(r!.message).toContain('除家庭收入明显提高，基本生活确能保障外，暂停开展低保对象退出工作');
    expect(r!.message).toContain('删除家庭');
    expect(exitRefusalOn('manual', true, { incomeClearlyRisen: true })).toMatchObject({ field: 'basicLivingSecure' });
  });
});
