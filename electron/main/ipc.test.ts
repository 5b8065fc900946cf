import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api/contract';
import { API_CHANNEL } from './channels';
import { bindApi, createApiHandler, parseApiRequest, type ApiCall } from './ipc';

vi.mock('electron', () => ({}));

const APP = 'file:///opt/doudi/dist/index.html#/households';
const isTrustedUrl = (url: string) => url.startsWith('file:///opt/doudi/dist/');
const from = (url: string | null) => ({ senderFrame: url === null ? null : ({ url } as never) });

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
}

describe('bindApi', () => {
  it('forwards {procedure, input, token} to the router and returns its envelope', async () => {
    const envelope: Envelope<unknown> = { ok: true, result: { needsSetup: true } };
    const call = vi.fn<ApiCall>(async () => envelope);
    const ipc = fakeIpcMain();
    bindApi(ipc, { call, isTrustedUrl });
    expect(ipc.handle).toHaveBeenCalledWith(API_CHANNEL, expect.any(Function));

    const handler = ipc.handlers.get(API_CHANNEL)!;
    const input = { id: '0190f7e4-0000-7000-8000-000000000000' };
    await expect(handler(from(APP), { procedure: 'registry.getHousehold', input, token: 'tok-1' })).resolves.toBe(envelope);
    expect(call).toHaveBeenCalledWith('registry.getHousehold', input, 'tok-1');
  });

  it('passes error envelopes from the router through unchanged', async () => {
    const envelope: Envelope<unknown> = { ok: false, error: { code: 'invalid-input', message: '姓名不能为空', field: 'name' } };
    const handler = createApiHandler({ call: async () => envelope, isTrustedUrl });
    await expect(handler(from(APP), { procedure: 'registry.addPerson', input: {}, token: 't' })).resolves.toEqual(envelope);
  });

  it('stops serving when unbound', () => {
    const ipc = fakeIpcMain();
    const unbind = bindApi(ipc, { call: vi.fn(), isTrustedUrl });
    unbind();
    expect(ipc.removeHandler).toHaveBeenCalledWith(API_CHANNEL);
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('the sender check', () => {
  it.each([
    ['a foreign page', 'https://example.com/'],
    ['another local file', 'file:///etc/passwd'],
    ['a destroyed frame', null],
  ])('refuses %s without calling the router', async (_name, url) => {
    const call = vi.fn<ApiCall>();
    const handler = createApiHandler({ call, isTrustedUrl });
    const result = await handler(from(url), { procedure: 'auth.me', input: {}, token: 't' });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/拒绝/) } });
    expect(call).not.toHaveBeenCalled();
  });
});

describe('the payload check', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'auth.me'],
    ['an array', ['auth.me', {}, null]],
    ['no procedure', { input: {}, token: null }],
    ['an empty procedure', { procedure: '', input: {}, token: null }],
    ['a non-string procedure', { procedure: 42, input: {}, token: null }],
    ['a 101-character procedure', { procedure: 'x'.repeat(101), input: {}, token: null }],
    ['a numeric token', { procedure: 'auth.me', input: {}, token: 123 }],
    ['a 201-character token', { procedure: 'auth.me', input: {}, token: 't'.repeat(201) }],
  ])('rejects %s', async (_name, payload) => {
    const call = vi.fn<ApiCall>();
    const handler = createApiHandler({ call, isTrustedUrl });
    const result = await handler(from(APP), payload);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: '请求格式不正确' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('accepts the limits and treats a missing token as signed out', () => {
    expect(parseApiRequest({ procedure: 'p'.repeat(100), input: null, token: 't'.repeat(200) })).toEqual({
      procedure: 'p'.repeat(100),
      input: null,
      token: 't'.repeat(200),
    });
    expect(parseApiRequest({ procedure: 'setup.status' })).toEqual({ procedure: 'setup.status', input: undefined, token: null });
  });

  it('leaves unknown procedures and bad input to the router', async () => {
    const call = vi.fn<ApiCall>(async () => ({ ok: false, error: { code: 'unknown-procedure', message: '未知操作' } }));
    const handler = createApiHandler({ call, isTrustedUrl });
    await handler(from(APP), { procedure: 'no.such', input: { anything: [1, 2] }, token: null });
    expect(call).toHaveBeenCalledWith('no.such', { anything: [1, 2] }, null);
  });
});

describe('failures', () => {
  it('turns a router exception into an internal-error envelope and logs it', async () => {
    const boom = new Error('disk full');
    const logError = vi.fn();
    const handler = createApiHandler({ call: async () => Promise.reject(boom), isTrustedUrl, logError });
    const result = await handler(from(APP), { procedure: 'auth.me', input: {}, token: 't' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: '系统内部错误，请稍后重试' } });
    expect(logError).toHaveBeenCalledWith('[ipc] auth.me failed', boom);
  });
});
