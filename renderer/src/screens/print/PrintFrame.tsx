/**
 * The frame of a print page: a toolbar (back, print) that does not print, the A4 page size and
 * orientation, and page numbers in the page margin ("第 n 页 共 m 页") with an optional footer text.
 */
import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import type { Route } from '../../router/routes';
import { navigate } from '../../router/use-route';
import './print.css';

function pageCss(orientation: 'portrait' | 'landscape', footer: string | undefined): string {
  const text = (footer ?? '').replace(/["\\]/g, '');
  return `@page { size: A4 ${orientation}; margin: 12mm 10mm 14mm;
  @bottom-left { content: "${text}"; font-size: 9pt; color: #333; }
  @bottom-right { content: "第 " counter(page) " 页  共 " counter(pages) " 页"; font-size: 9pt; color: #333; } }`;
}

export function PrintFrame(props: {
  orientation: 'portrait' | 'landscape';
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  back: Route;
  testId: string;
  footer?: string;
  /** Called as the user prints (e.g. to record the print in the audit). */
  onPrint?: () => void;
  children: ReactNode;
}) {
  return (
    <div className={`print-root print-${props.orientation}`} data-testid={props.testId}>
      <style>{pageCss(props.orientation, props.footer)}</style>
      <Space className="print-toolbar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(props.back)}>
          返回
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => (props.onPrint?.(), window.print())} disabled={props.loading || !!props.error}>
          打印
        </Button>
        <span style={{ color: '#666' }}>A4 {props.orientation === 'landscape' ? '横向' : '纵向'}；打印时不显示本工具栏</span>
      </Space>
      {props.error ? <ErrorBlock error={props.error} onRetry={props.onRetry} /> : props.loading ? <LoadingBlock text="正在准备打印内容…" /> : <div className="print-page">{props.children}</div>}
    </div>
  );
}
