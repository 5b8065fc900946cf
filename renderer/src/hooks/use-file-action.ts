/** Runs an API call that returns a file and saves it, with busy state and Chinese messages. */
import { useState } from 'react';
import { App } from 'antd';
import type { FileOut } from '../../../shared/registry/types';
import { errorMessage } from '../api/client';
import { downloadBase64File } from '../lib/download';

export function useFileAction(): { busy: boolean; run: (produce: () => Promise<FileOut>, doneText: string) => Promise<void> } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (produce: () => Promise<FileOut>, doneText: string) => {
    setBusy(true);
    try {
      const file = await produce();
      downloadBase64File(file);
      message.success(`${doneText}：${file.fileName}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
