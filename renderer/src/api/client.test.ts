import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createApiClient, errorMessage, isSessionLost } from './client';
import { createMemoryTokenStore } from './token-store';
import { httpTransport, ipcTransport, OFFLINE_MESSAGE } from './transports';
import type { DoudiBridge } from './bridge';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('http transport', () => {
  it('posts the input with the token header and returns the result', async () => {
    const fetchFn = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      jsonResponse({ ok: true, result: { isSetUp: true } }),
    );
    const client = createApiClient(httpTransport(fetchFn as typeof fetch), createMemoryTokenStore('tok-1'));
    const out = await client.call('setup.status', {});
    expect(out).toEqual({ isSetUp: true });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/setup.status');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'content-type': 'application/json', 'x-doudi-token': 'tok-1' });
    expect(JSON.parse(String(init?.body))).toEqual({ input: {} });
  });

  it('sends an empty token header when signed out', async () => {
    const fetchFn = vi.fn(async () => jsonResponse({ ok: true, result: null }));
    const client = createApiClient(httpTransport(fetchFn as typeof fetch), createMemoryTokenStore());
    await client.call('setup.status', {});
    const init = (fetchFn.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['x-doudi-token']).toBe('');
  });

  it('maps an error envelope with a 4xx status to an AppError with its field', async () => {
    const fetchFn = vi.fn(async () =>
      jsonResponse(
        { ok: false, error: { code: 'invalid-input', message: '家庭住址不能为空', field: 'household.address' } },
        400,
      ),
    );
    const client = createApiClient(httpTransport(fetchFn as typeof fetch), createMemoryTokenStore('t'));
    const err = await client.call('auth.me', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid-input');
    expect((err as AppError).message).toBe('家庭住址不能为空');
    expect((err as AppError).field).toBe('household.address');
  });

  it('turns a network failure into the Chinese offline message', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createApiClient(httpTransport(fetchFn as typeof fetch), createMemoryTokenStore());
    const err = await client.call('setup.status', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe(OFFLINE_MESSAGE);
  });

  it('rejects a body that is not an envelope', async () => {
    const fetchFn = vi.fn(async () => new Response('<html>oops</html>', { status: 502 }));
    const client = createApiClient(httpTransport(fetchFn as typeof fetch), createMemoryTokenStore());
    const err = (await client.call('setup.status', {}).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('internal');
    expect(err.message).toContain('502');
  });
});

describe('ipc transport', () => {
  it('invokes the bridge with procedure, input and token', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, result: { ok: true } }));
    const bridge: Pick<DoudiBridge, 'invoke'> = { invoke };
    const client = createApiClient(ipcTransport(bridge), createMemoryTokenStore('abc'));
    const out = await client.call('auth.logout', {});
    expect(out).toEqual({ ok: true });
    expect(invoke).toHaveBeenCalledWith({ procedure: 'auth.logout', input: {}, token: 'abc' });
  });

  it('maps error envelopes and bridge failures', async () => {
    const failing: Pick<DoudiBridge, 'invoke'> = {
      invoke: async () => ({ ok: false, error: { code: 'forbidden', message: '无权进行此操作' } }),
    };
    const err = (await createApiClient(ipcTransport(failing), createMemoryTokenStore())
      .call('users.list', {})
      .catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('forbidden');
    expect(err.message).toBe('无权进行此操作');

    const broken: Pick<DoudiBridge, 'invoke'> = {
      invoke: async () => {
        throw new Error('ipc closed');
      },
    };
    const err2 = (await createApiClient(ipcTransport(broken), createMemoryTokenStore())
      .call('users.list', {})
      .catch((e: unknown) => e)) as AppError;
    expect(err2.message).toBe(OFFLINE_MESSAGE);
  });
});

describe('session loss', () => {
  it.each(['not-signed-in', 'session-expired', 'session-invalid'] as const)('clears the token and notifies on %s', async (code) => {
    const tokens = createMemoryTokenStore('old');
    const client = createApiClient(async () => ({ ok: false, error: { code, message: '请重新登录' } }), tokens);
    const seen: string[] = [];
    const off = client.onSessionLost((e) => seen.push(e.code));
    const err = await client.call('auth.me', {}).catch((e: unknown) => e);
    expect(isSessionLost(err)).toBe(true);
    expect(tokens.get()).toBeNull();
    expect(seen).toEqual([code]);
    off();
    await client.call('auth.me', {}).catch(() => undefined);
    expect(seen).toHaveLength(1);
  });

  it('keeps the token on other errors', async () => {
    const tokens = createMemoryTokenStore('keep');
    const client = createApiClient(
      async () => ({ ok: false, error: { code: 'not-found', message: '家庭不存在' } }),
      tokens,
    );
    await client.call('auth.me', {}).catch(() => undefined);
    expect(tokens.get()).toBe('keep');
  });
});

describe('errorMessage', () => {
  it('prefers Chinese messages and hides English internals', () => {
    expect(errorMessage(new AppError('not-found', '请选择已有的家庭'))).toBe('请选择已有的家庭');
    expect(errorMessage(new Error('undefined is not a function'))).toBe('操作失败，请稍后重试');
    expect(errorMessage('x')).toBe('操作失败，请稍后重试');
  });

  it('adds what to do unless the message already says it', () => {
    expect(errorMessage(new AppError('invalid-transition', '当前状态不能办理“审核”'))).toBe(
      '当前状态不能办理“审核”。请刷新查看该记录的当前状态，按当前状态可办理的步骤继续。',
    );
    expect(errorMessage(new AppError('duplicate', '该申请已有未结束的低保记录。'))).toBe(
      '该申请已有未结束的低保记录。请查找并使用已有的记录，不要重复登记；确需更正请修改已有记录。',
    );
    expect(errorMessage(new AppError('overlap', '已有重叠的协议，请先解除该协议'))).toBe('已有重叠的协议，请先解除该协议');
  });
});
