/**
 * 导出Excel and 打印 of a street's monthly report (issue 15), for the 统计报表 page's toolbar: the export
 * saves reports.exportMonthly's file; 打印 opens the print route (A4, page numbers, signature lines).
 */
import { Button, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useFileAction } from '../../hooks/use-file-action';
import { navigate } from '../../router/use-route';

export function ReportOutputButtons({ month, streetCode }: { month: string; streetCode?: string }) {
  const file = useFileAction();
  const street = streetCode ? { streetCode } : {};
  return (
    <Space>
      <Button
        icon={<FileExcelOutlined />}
        loading={file.busy}
        onClick={() => file.run(() => api.call('reports.exportMonthly', { month, ...street }), '已导出调度报表')}
        data-testid="report-export"
      >
        导出Excel
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'print-monthly-report', month, street: streetCode ?? null })} data-testid="report-print">
        打印
      </Button>
    </Space>
  );
}
