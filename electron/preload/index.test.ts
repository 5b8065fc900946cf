import * as electron from 'electron';
import { beforeAll, describe, expect, it, vi, type Mock } from 'vitest';
import { API_CHANNEL, EVENT_CHANNEL, MENU_CHANNEL, PRINT_CHANNEL, PRINT_SESSION_CHANNEL } from '../main/channels';
import { BRIDGE_KEYS, type DoudiBridge } from '../../shared/api/bridge';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async () => ({ ok: true, result: 'pong' })),
  });
  return { contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer };
});

const exposeInMainWorld = electron.contextBridge.exposeInMainWorld as unknown as Mock;
const ipcRenderer = electron.ipcRenderer as unknown as NodeJS.EventEmitter & { invoke: Mock };
let bridge: DoudiBridge;

beforeAll(async () => {
  await import('./index');
  expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, value] = exposeInMainWorld.mock.calls[0] as [string, DoudiBridge];
  expect(key).toBe('doudi');
  bridge = value;
});

describe('window.doudi', () => {
  it('exposes exactly invoke, platform, onMenuCommand, onBackendEvent, print and printSession', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onBackendEvent', 'onMenuCommand', 'platform', 'print', 'printSession']);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_KEYS]);
    expect(bridge.platform).toBe(process.platform);
  });

  it('invokes the API channel with only the three request fields', async () => {
    const request = { procedure: 'setup.status', input: {}, token: null, extra: 'dropped' };
    await expect(bridge.invoke(request)).resolves.toEqual({ ok: true, result: 'pong' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(API_CHANNEL, { procedure: 'setup.status', input: {}, token: null });
  });

  it('delivers string menu commands until unsubscribed', () => {
    const received: string[] = [];
    const off = bridge.onMenuCommand((command) => received.push(command));
    ipcRenderer.emit(MENU_CHANNEL, { sender: 'event' }, 'navigate:/households');
    ipcRenderer.emit(MENU_CHANNEL, { sender: 'event' }, { not: 'a string' });
    off();
    ipcRenderer.emit(MENU_CHANNEL, { sender: 'event' }, 'reload');
    expect(received).toEqual(['navigate:/households']);
    expect(ipcRenderer.listenerCount(MENU_CHANNEL)).toBe(0);
  });

  it('delivers backend events until unsubscribed', () => {
    const received: unknown[] = [];
    const off = bridge.onBackendEvent((event) => received.push(event));
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'event' }, { type: 'changed', tables: ['visits'], areas: ['screening'] });
    off();
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'event' }, { type: 'changed', tables: ['persons'], areas: ['registry'] });
    expect(received).toEqual([{ type: 'changed', tables: ['visits'], areas: ['screening'] }]);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('sends only the four print request fields on the print channel', async () => {
    const request = { hash: '#/print/care-agreement?id=x', mode: 'pdf' as const, token: 't', fileName: '协议', extra: 1 };
    await bridge.print(request);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(PRINT_CHANNEL, { hash: request.hash, mode: 'pdf', token: 't', fileName: '协议' });
  });

  it('gives a print window its session only when main answers with a string', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce('session-token');
    await expect(bridge.printSession()).resolves.toBe('session-token');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(PRINT_SESSION_CHANNEL);
    ipcRenderer.invoke.mockResolvedValueOnce({ not: 'a token' });
    await expect(bridge.printSession()).resolves.toBeNull();
  });
});
