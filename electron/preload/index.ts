/**
 * The preload (sandboxed): exposes exactly one object, `window.doudi`, to the renderer. It carries
 * API requests over one channel and menu commands back; no Electron or Node object leaks through.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope } from '../../shared/api/contract';
import { API_CHANNEL, EVENT_CHANNEL, MENU_CHANNEL, PRINT_CHANNEL, PRINT_SESSION_CHANNEL } from '../main/channels';
import type { ShellPrintEnvelope, ShellPrintRequest } from '../../shared/print/request';
import type { DoudiBridge, DoudiInvokeRequest } from '../../shared/api/bridge';

// This entry exports nothing: the bundle must not need `module.exports` in the sandbox.
const bridge: DoudiBridge = {
  invoke(request) {
    // Copy only the three fields: nothing else of the renderer's object crosses the bridge. Main
    // checks their shape and answers a malformed request with an error envelope.
    const { procedure, input, token } = (request ?? {}) as Partial<DoudiInvokeRequest>;
    return ipcRenderer.invoke(API_CHANNEL, { procedure, input, token }) as Promise<Envelope<unknown>>;
  },
  platform: process.platform,
  onMenuCommand(callback) {
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string') callback(command);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
  onBackendEvent(callback) {
    // Main sends only backend events on this channel; the renderer checks their shape itself.
    const listener = (_event: IpcRendererEvent, payload: unknown): void => callback(payload);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  print(request) {
    const { hash, mode, token, fileName } = (request ?? {}) as Partial<ShellPrintRequest>;
    return ipcRenderer.invoke(PRINT_CHANNEL, { hash, mode, token, fileName }) as Promise<ShellPrintEnvelope>;
  },
  async printSession() {
    const token: unknown = await ipcRenderer.invoke(PRINT_SESSION_CHANNEL);
    return typeof token === 'string' ? token : null;
  },
};

contextBridge.exposeInMainWorld('doudi', bridge);
