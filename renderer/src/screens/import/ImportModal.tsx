/** 导入Excel: choose a file, see what is wrong with it, import the valid households. */
import { Alert, Button, Modal, Result, Space, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { useFileAction } from '../../hooks/use-file-action';
import { FilePicker } from './FilePicker';
import { ImportPreviewView } from './ImportPreviewView';
import { useImport } from './use-import';
import { LoadingBlock } from '../../components/LoadingBlock';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

export function ImportModal({ open, onClose, onImported }: Props) {
  const { state, error, choose, commit, reset } = useImport();
  const template = useFileAction();
  const busy = state.step === 'reading' || state.step === 'committing';

  const close = () => {
    if (busy) return;
    if (state.step === 'done') onImported();
    reset();
    onClose();
  };

  return (
    <Modal title="导入Excel" open={open} onCancel={close} footer={null} width={760} mask={{ closable: false }} destroyOnHidden>
      {error != null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" />}
      {state.step === 'choose' && (
        <Space orientation="vertical" size={16} style={{ width: '100%', padding: '16px 0' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            请按导入模板填写：每行一名成员，同一户的成员填写相同的户编号，户主的“与户主关系”填“户主”。
            导入前会先检查文件，列出有错误的行。
          </Typography.Paragraph>
          <Space>
            <FilePicker onFile={choose} loading={false} />
            <Button type="link" loading={template.busy} onClick={() => template.run(() => api.call('registry.importTemplate', {}), '已下载导入模板')}>
              下载导入模板
            </Button>
          </Space>
        </Space>
      )}
      {state.step === 'reading' && <LoadingBlock text={`正在检查 ${state.fileName}…`} minHeight={200} />}
      {(state.step === 'preview' || state.step === 'committing') && (
        <ImportPreviewView
          preview={state.preview}
          committing={state.step === 'committing'}
          onCommit={() => commit(state.preview)}
          onChooseAnother={reset}
        />
      )}
      {state.step === 'done' && (
        <Result
          status="success"
          title={`已导入 ${state.result.households} 户、${state.result.persons} 人`}
          subTitle={state.preview.errors.length > 0 ? `有 ${state.preview.errors.length} 处错误的行未导入。` : undefined}
          extra={
            <Button type="primary" onClick={close} autoFocus>
              完成
            </Button>
          }
        />
      )}
    </Modal>
  );
}
