/** A button that opens the file dialog for an .xlsx file (the input stays reachable for tests). */
import { FolderOpenOutlined } from '@ant-design/icons';
import { FileButton } from '../../components/FileButton';

export function FilePicker({ onFile, loading, label = '选择Excel文件' }: { onFile: (f: File) => void; loading: boolean; label?: string }) {
  return (
    <FileButton
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      inputLabel="导入文件"
      inputTestId="import-file"
      onFile={onFile}
      type="primary"
      size="large"
      icon={<FolderOpenOutlined />}
      loading={loading}
      autoFocus
    >
      {label}
    </FileButton>
  );
}
