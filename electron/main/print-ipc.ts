/**
 * Binds printing to its IPC channels: hidden print windows with the app's secure preferences, the
 * save dialog for PDFs (in the user's Documents folder), and the session hand-over to print windows.
 */
import { BrowserWindow, dialog, type IpcMain } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { PRINT_CHANNEL, PRINT_SESSION_CHANNEL } from './channels';
import { printWindowOptions } from './print';
import { createPrintService } from './print-service';
import { loadRoute, type RendererLocation } from './renderer-location';
import { secureWebPreferences } from './security';

export interface PrintBinding {
  preloadFile: string;
  location: RendererLocation;
  documentsDir: string;
  parent: () => BrowserWindow | null;
  isTrustedUrl(url: string): boolean;
}

export function bindPrinting(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, b: PrintBinding): () => void {
  const service = createPrintService({
    createWindow: () => new BrowserWindow(printWindowOptions(secureWebPreferences({ preload: b.preloadFile, devTools: false }))),
    load: (win, route) => loadRoute(win as BrowserWindow, b.location, route),
    choosePdfPath: async (name) => {
      const options = {
        title: '导出PDF',
        defaultPath: path.join(b.documentsDir, name),
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      };
      const parent = b.parent();
      const r = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    writeFile: (file, data) => fs.promises.writeFile(file, data),
    isTrustedUrl: b.isTrustedUrl,
  });
  ipc.handle(PRINT_CHANNEL, service.print);
  ipc.handle(PRINT_SESSION_CHANNEL, (event) => service.sessionFor(event));
  return () => {
    ipc.removeHandler(PRINT_CHANNEL);
    ipc.removeHandler(PRINT_SESSION_CHANNEL);
  };
}
