/**
 * 用文件同步（U盘）: when the network is gone for days, 导出同步包 saves this PC's changes waiting
 * to go up as one encrypted file for the district; the district imports it and hands back an
 * answer file, which 导入同步包 applies (what the server accepted or refused, and what other PCs
 * changed). The file is a download in browser mode, and is chosen with a file input.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import type { BundleImportResult } from '../../../../shared/sync/status';
import { api } from '../../api/client';
import { useInlineAction } from '../../hooks/use-inline-action';
import { downloadBase64File, readFileAsBase64 } from '../../lib/download';
import { FileButton } from '../../components/FileButton';

export function BundleCard({ pendingCount, onImported }: { pendingCount: number; onImported: () => void }) {
  const { message } = App.useApp();
  const { busy, running, error, setError, run } = useInlineAction<'export' | 'import'>();
  const [result, setResult] = useState<BundleImportResult | null>(null);

  const exportBundle = () =>
    run(
      async () => {
        const file = await api.call('sync.exportBundle', {});
        downloadBase64File(file);
        message.success(`已导出 ${file.fileName}（${file.changes} 条待上传的修改）：请用U盘交区级管理员导入`, 8);
      },
      { kind: 'export' },
    );

  const importFile = (file: File) => {
    setResult(null);
    return run(
      async () => {
        const base64 = await readFileAsBase64(file);
        setResult(await api.call('sync.importBundle', { fileName: file.name, base64 }));
        onImported();
      },
      { kind: 'import' },
    );
  };

  return (
    <Card title="用文件同步（U盘）" data-testid="bundle-card">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          长时间断网时使用：点击“导出同步包”，把本机 {pendingCount} 条待上传的修改存为加密文件，用U盘交区级管理员导入；
          再把区级服务器写出的应答包（同步应答-….doudi）拷回本机，点击“导入同步包”。联网后照常自动同步，不会重复。
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<ExportOutlined />} loading={running === 'export'} disabled={busy} onClick={exportBundle} data-testid="bundle-export">
            导出同步包
          </Button>
          <FileButton
            accept=".doudi"
            inputLabel="选择应答包文件"
            inputTestId="bundle-file"
            onFile={(file) => void importFile(file)}
            icon={<ImportOutlined />}
            loading={running === 'import'}
            disabled={busy}
            data-testid="bundle-import"
          >
            导入同步包
          </FileButton>
        </Flex>
        {result && (
          <Alert data-testid="bundle-result" type={result.already ? 'info' : 'success'} showIcon closable title={result.message} onClose={() => setResult(null)} />
        )}
        {error && <Alert data-testid="bundle-error" type="error" showIcon closable title={error} onClose={() => setError(null)} />}
      </Flex>
    </Card>
  );
}
