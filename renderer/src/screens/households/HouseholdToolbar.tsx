/** Actions of the household list: create, import, export the current filter, the import template. */
import { Button, Space, Tooltip } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { HouseholdFilter } from '../../../../shared/registry/schemas';
import { api } from '../../api/client';
import { navigate } from '../../router/use-route';
import { useFileAction } from '../../hooks/use-file-action';

interface Props {
  filter: Partial<HouseholdFilter>;
  onImport: () => void;
}

export function HouseholdToolbar({ filter, onImport }: Props) {
  const exporter = useFileAction();
  const template = useFileAction();
  return (
    <Space wrap>
      <Tooltip title="Alt+N">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate({ name: 'household-new' })}>
          新建家庭
        </Button>
      </Tooltip>
      <Button icon={<UploadOutlined />} onClick={onImport}>
        导入Excel
      </Button>
      <Tooltip title="按当前筛选条件导出">
        <Button
          icon={<FileExcelOutlined />}
          loading={exporter.busy}
          onClick={() => exporter.run(() => api.call('registry.exportHouseholds', filter), '已导出')}
        >
          导出Excel
        </Button>
      </Tooltip>
      <Button
        type="link"
        icon={<DownloadOutlined />}
        loading={template.busy}
        onClick={() => template.run(() => api.call('registry.importTemplate', {}), '已下载导入模板')}
      >
        下载导入模板
      </Button>
    </Space>
  );
}
