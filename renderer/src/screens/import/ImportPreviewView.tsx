/** What the preview found: totals, the errors row by row, and the button to import the valid rows. */
import { Alert, App, Button, Descriptions, Space, Table } from 'antd';
import type { ImportPreview, ImportRowError } from '../../../../shared/registry/types';

interface Props {
  preview: ImportPreview;
  committing: boolean;
  onCommit: () => void;
  onChooseAnother: () => void;
}

export function ImportPreviewView({ preview, committing, onCommit, onChooseAnother }: Props) {
  const { modal } = App.useApp();
  const errorCount = preview.errors.length;
  const commitLabel = `导入有效的 ${preview.validHouseholds} 户（${preview.validPersons} 人）`;

  const confirmPartial = () =>
    modal.confirm({
      title: '只导入有效的行？',
      content: `文件中有 ${errorCount} 处错误，出错的行不会导入。确定只导入有效的 ${preview.validHouseholds} 户（${preview.validPersons} 人）吗？`,
      okText: '仅导入有效行',
      cancelText: '取消',
      onOk: onCommit,
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={2} items={[
        { key: 'file', label: '文件', children: preview.fileName, span: 2 },
        { key: 'rows', label: '数据行数', children: preview.totalRows },
        { key: 'errors', label: '错误', children: errorCount },
        { key: 'hh', label: '有效家庭', children: `${preview.validHouseholds} 户` },
        { key: 'pp', label: '有效人员', children: `${preview.validPersons} 人` },
      ]} />
      {errorCount === 0 ? (
        <Alert type="success" showIcon title="文件检查通过，没有发现错误。" />
      ) : (
        <>
          <Alert type="warning" showIcon title={`发现 ${errorCount} 处错误，出错的行不会导入。请修改文件后重新选择，或只导入有效的行。`} />
          <div data-testid="import-errors">
            <Table<ImportRowError>
              size="small"
              rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
              dataSource={preview.errors}
              pagination={preview.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: '行', dataIndex: 'row', width: 64 },
                { title: '列', dataIndex: 'column', width: 140 },
                { title: '错误', dataIndex: 'message' },
              ]}
            />
          </div>
        </>
      )}
      <Space>
        {preview.validHouseholds > 0 && (
          <Button type="primary" loading={committing} onClick={errorCount > 0 ? confirmPartial : onCommit}>
            {commitLabel}
          </Button>
        )}
        <Button onClick={onChooseAnother} disabled={committing}>
          重新选择文件
        </Button>
      </Space>
      {preview.validHouseholds === 0 && <Alert type="error" showIcon title="文件中没有可以导入的有效家庭。" />}
    </Space>
  );
}
