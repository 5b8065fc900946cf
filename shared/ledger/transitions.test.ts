import { describe, expect, test } from 'vitest';
import { availableActions, checkTransition } from './transitions';

const base = { openReferrals: 0 } as const;

describe('ledger status machine', () => {
  test('the happy path: 待核查 -> 核查中 -> 处置中 -> 已转介 -> 已办结 -> 回头看完成', () => {
    expect(checkTransition('start-verify', { ...base, status: 'pending', role: 'caseworker' })).toEqual({ ok: true, to: 'verifying' });
    expect(checkTransition('confirm', { ...base, status: 'verifying', role: 'caseworker', note: '属实' })).toEqual({ ok: true, to: 'handling' });
    expect(checkTransition('refer', { ...base, status: 'handling', role: 'caseworker', department: 'health' })).toEqual({ ok: true, to: 'referred' });
    expect(
      checkTransition('close', { ...base, status: 'referred', role: 'supervisor', measures: '临时救助3000元', result: '已解决' }),
    ).toEqual({ ok: true, to: 'closed' });
    expect(checkTransition('review', { ...base, status: 'closed', role: 'supervisor', reviewResult: 'resolved', note: '回访' })).toEqual({
      ok: true,
      to: 'reviewed',
    });
    expect(checkTransition('reopen', { ...base, status: 'reviewed', role: 'street-admin', reason: '复发' })).toEqual({ ok: true, to: 'handling' });
  });

  test('skipping a step is refused', () => {
    expect(checkTransition('confirm', { ...base, status: 'pending', role: 'caseworker', note: 'x' })).toMatchObject({ ok: false, code: 'invalid-transition' });
    expect(checkTransition('close', { ...base, status: 'verifying', role: 'supervisor', measures: 'a', result: 'b' })).toMatchObject({
      ok: false,
      code: 'invalid-transition',
    });
    expect(checkTransition('review', { ...base, status: 'handling', role: 'supervisor', reviewResult: 'resolved', note: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid-transition',
    });
    expect(checkTransition('reopen', { ...base, status: 'handling', role: 'supervisor', reason: 'x' })).toMatchObject({ ok: false, code: 'invalid-transition' });
  });

  test('closing, looking back and reopening need a supervisor', () => {
    expect(checkTransition('close', { ...base, status: 'handling', role: 'caseworker', measures: 'a', result: 'b' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(checkTransition('review', { ...base, status: 'closed', role: 'caseworker', reviewResult: 'resolved', note: 'x' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(checkTransition('reopen', { ...base, status: 'closed', role: 'caseworker', reason: 'x' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('what each step needs: finding, department, measures and result, reply, reason', () => {
    expect(checkTransition('confirm', { ...base, status: 'verifying', role: 'caseworker', note: ' ' })).toMatchObject({ field: 'note' });
    expect(checkTransition('refer', { ...base, status: 'handling', role: 'caseworker' })).toMatchObject({ field: 'department' });
    expect(checkTransition('close', { ...base, status: 'handling', role: 'supervisor', result: '已解决' })).toMatchObject({ field: 'measures' });
    expect(checkTransition('close', { ...base, status: 'handling', role: 'supervisor', measures: '救助' })).toMatchObject({ field: 'result' });
    expect(
      checkTransition('close', { status: 'referred', openReferrals: 1, role: 'supervisor', measures: 'a', result: 'b' }),
    ).toMatchObject({ ok: false, code: 'prerequisite-missing', message: expect.stringContaining('请先登记部门回复') });
    expect(checkTransition('reopen', { ...base, status: 'closed', role: 'supervisor' })).toMatchObject({ field: 'reason' });
    expect(checkTransition('review', { ...base, status: 'closed', role: 'supervisor', note: 'x' })).toMatchObject({ field: 'reviewResult' });
  });

  test('the actions offered depend on status and role', () => {
    expect(availableActions('handling', 'caseworker')).toEqual(['refer']);
    expect(availableActions('handling', 'supervisor')).toEqual(['refer', 'close', 'close-unfounded', 'close-duplicate']);
    expect(availableActions('closed', 'street-admin')).toEqual(['review', 'reopen']);
    // Closed without assistance: nothing to look back at; reopened, it is verified again.
    expect(availableActions('unfounded', 'supervisor')).toEqual(['reopen']);
    expect(checkTransition('reopen', { status: 'duplicate', role: 'supervisor', openReferrals: 0, reason: '误判' })).toEqual({ ok: true, to: 'verifying' });
  });
});
