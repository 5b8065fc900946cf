/** The import flow: read the file, preview it on the backend, then commit the valid rows. */
import { useCallback, useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { readFileAsBase64 } from '../../lib/download';

export type ImportState =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'committing'; preview: ImportPreview }
  | { step: 'done'; preview: ImportPreview; result: ImportResult };

export function useImport() {
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const [error, setError] = useState<unknown>(null);

  const choose = useCallback(async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(new Error('请选择 Excel 文件（.xlsx）'));
      return;
    }
    setState({ step: 'reading', fileName: file.name });
    try {
      const base64 = await readFileAsBase64(file);
      const preview = await api.call('registry.importPreview', { fileName: file.name, base64 });
      setState({ step: 'preview', preview });
    } catch (e) {
      setError(e);
      setState({ step: 'choose' });
    }
  }, []);

  const commit = useCallback(async (preview: ImportPreview) => {
    setError(null);
    setState({ step: 'committing', preview });
    try {
      const result = await api.call('registry.importCommit', { importId: preview.importId });
      setState({ step: 'done', preview, result });
    } catch (e) {
      setError(e);
      setState({ step: 'preview', preview });
    }
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setState({ step: 'choose' });
  }, []);

  return { state, error, choose, commit, reset };
}
