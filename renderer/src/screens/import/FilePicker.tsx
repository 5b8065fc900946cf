/** A button that opens the file dialog for an .xlsx file (the input stays reachable for tests). */
import { useRef } from 'react';
import { Button } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';

export function FilePicker({ onFile, loading, label = '选择Excel文件' }: { onFile: (f: File) => void; loading: boolean; label?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="导入文件"
        data-testid="import-file"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button type="primary" size="large" icon={<FolderOpenOutlined />} loading={loading} onClick={() => inputRef.current?.click()} autoFocus>
        {label}
      </Button>
    </>
  );
}
