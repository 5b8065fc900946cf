/**
 * 部门数据导入 (issue 17): a supervisor picks the source, the period the file covers and the file
 * (.xlsx or CSV); the preview lists every error by row and column (any error: nothing is imported);
 * a clean file is imported after a confirmation. Below, the street's imports.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Result, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ImportRowError } from '../../../../shared/registry/types';
import type { DepartmentImportPreview, DepartmentImportResult, DepartmentImportSummary } from '../../../../shared/warnings/procedures';
import { DEPARTMENT_SOURCE_LABELS, DEPARTMENT_SOURCES, type DepartmentSource } from '../../../../shared/warnings/types';
import { api, errorMessage } from '../../api/client';
import { appClock } from '../../api/clock';
import { ErrorBlock } from '../../components/ErrorBlock';
import { FileButton } from '../../components/FileButton';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFileAction } from '../../hooks/use-file-action';
import { readFileAsBase64 } from '../../lib/download';
import { formatInstant } from '../../lib/dates';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { navigate } from '../../router/use-route';

type Step =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; preview: DepartmentImportPreview; committing: boolean }
  | { step: 'done'; preview: DepartmentImportPreview; result: DepartmentImportResult };

const SOURCE_OPTIONS = DEPARTMENT_SOURCES.map((s) => ({ value: s, label: DEPARTMENT_SOURCE_LABELS[s] }));

/** Last month, the usual period of a department's monthly file. */
function lastMonth(): [dayjs.Dayjs, dayjs.Dayjs] {
  const m = dayjs(appClock.today()).subtract(1, 'month');
  return [m.startOf('month'), m.endOf('month')];
}

/** Whose persons a file is matched against: the street's, or at the district every street's. */
type Whose = '本街道' | '各街道';

function PreviewView({ p, whose, committing, onCommit, onAgain }: { p: DepartmentImportPreview; whose: Whose; committing: boolean; onCommit: () => void; onAgain: () => void }) {
  const { modal } = App.useApp();
  const errors = p.errors.length;
  const confirm = () =>
    modal.confirm({
      title: '确认导入？',
      content: `将导入${DEPARTMENT_SOURCE_LABELS[p.source]}数据 ${p.totalRows} 行：其中与${whose}登记人员匹配 ${p.matchedRows} 行，列为待登记线索 ${p.clueRows ?? 0} 条。导入后不能撤销，同一文件不能再次导入。`,
      okText: '确认导入',
      cancelText: '取消',
      onOk: onCommit,
    });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={3} items={[
        { key: 'file', label: '文件', children: p.fileName, span: 3 },
        { key: 'source', label: '数据来源', children: DEPARTMENT_SOURCE_LABELS[p.source] },
        { key: 'period', label: '数据期间', children: `${p.periodStartOn} 至 ${p.periodEndOn}`, span: 2 },
        { key: 'rows', label: '数据行数', children: p.totalRows },
        { key: 'matched', label: `与${whose}登记人员匹配（行）`, children: p.matchedRows },
        { key: 'unmatched', label: '未匹配（其中列为线索）', children: `${p.unmatchedRows}（${p.clueRows ?? 0}）` },
      ]} />
      {errors === 0 ? (
        <Alert type="success" showIcon title="文件检查通过，没有发现错误。" />
      ) : (
        <>
          <Alert type="error" showIcon title={`发现 ${errors} 处错误：有错误时整个文件都不导入，请按下表修改文件后重新选择。`} />
          <div data-testid="import-errors">
            <Table<ImportRowError>
              size="small"
              rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
              dataSource={p.errors}
              pagination={errors > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: '行', dataIndex: 'row', width: 64 },
                { title: '列', dataIndex: 'column', width: 160 },
                { title: '错误', dataIndex: 'message' },
              ]}
            />
          </div>
        </>
      )}
      <Space>
        {errors === 0 && (
          <Button type="primary" loading={committing} onClick={confirm} autoFocus>
            导入 {p.totalRows} 行
          </Button>
        )}
        <Button onClick={onAgain} disabled={committing}>
          重新选择文件
        </Button>
      </Space>
    </Space>
  );
}

function ImportsTable({ rows }: { rows: DepartmentImportSummary[] }) {
  if (rows.length === 0) return <Empty description="尚未导入过部门数据" />;
  return (
    <Table<DepartmentImportSummary>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: '导入时间', dataIndex: 'importedAt', width: 150, render: (v: string) => formatInstant(v) },
        { title: '数据来源', dataIndex: 'source', width: 150, render: (s: DepartmentSource) => DEPARTMENT_SOURCE_LABELS[s] },
        { title: '文件名', dataIndex: 'fileName', ellipsis: true },
        { title: '数据期间', key: 'period', width: 200, render: (_, r) => `${r.periodStartOn} 至 ${r.periodEndOn}` },
        { title: '行数', dataIndex: 'rowCount', width: 80, align: 'right' },
        { title: '匹配', dataIndex: 'matchedCount', width: 80, align: 'right' },
        { title: '未匹配', dataIndex: 'unmatchedCount', width: 80, align: 'right' },
        { title: '导入人', dataIndex: 'importedByName', width: 100 },
      ]}
    />
  );
}

export function DepartmentImportsPage() {
  const { session } = useSession();
  const canImport = isSupervisorRole(session.user.role);
  const whose: Whose = session.user.role === 'district-admin' ? '各街道' : '本街道';
  const [source, setSource] = useState<DepartmentSource>('medical');
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs]>(lastMonth);
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const template = useFileAction();
  const list = useApiQuery(() => api.call('warnings.listImports', {}), []);

  const choose = async (file: File) => {
    setError(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setError(new Error('请选择 Excel 文件（.xlsx）或 CSV 文件（.csv）'));
      return;
    }
    setState({ step: 'reading', fileName: file.name });
    try {
      const base64 = await readFileAsBase64(file);
      const preview = await api.call('warnings.importPreview', {
        source,
        fileName: file.name,
        base64,
        periodStartOn: period[0].format('YYYY-MM-DD'),
        periodEndOn: period[1].format('YYYY-MM-DD'),
      });
      setState({ step: 'preview', preview, committing: false });
    } catch (e) {
      setError(e);
      setState({ step: 'choose' });
    }
  };

  const commit = async (preview: DepartmentImportPreview) => {
    setError(null);
    setState({ step: 'preview', preview, committing: true });
    try {
      const result = await api.call('warnings.importCommit', { previewId: preview.previewId });
      setState({ step: 'done', preview, result });
      list.reload();
    } catch (e) {
      setError(e);
      setState({ step: 'preview', preview, committing: false });
    }
  };

  const again = () => {
    setError(null);
    setState({ step: 'choose' });
  };

  return (
    <div data-testid="department-imports">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        部门数据导入
      </Typography.Title>
      {whose === '各街道' ? (
        <Typography.Paragraph type="secondary" data-testid="department-imports-district">
          在区级导入医保、残联、人社、公安/殡葬等部门提供的全区数据文件（Excel 或 CSV），按身份证号码与各街道登记的人员比对；
          比对结果和预警按人员所在街道分送，各街道同步后只收到本街道的；未登记人员按住址所属街道列为“待登记线索”，住址不能确定街道的只计入未匹配行数。
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">
          导入医保、残联、人社、公安/殡葬等部门提供的数据文件（Excel 或 CSV），按身份证号码与本街道登记的人员比对；
          未登记但住址属于本街道的人员列为问题台账中的“待登记线索”；死亡数据同时登记死亡并停止各项待遇。
        </Typography.Paragraph>
      )}
      <Card title="导入文件" style={{ marginBottom: 16 }}>
        {error != null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" />}
        {!canImport && <Alert type="info" showIcon title="部门数据由街道负责人（审核人）或管理员导入；您可以下载模板、查看导入记录。" style={{ marginBottom: 16 }} />}
        {state.step === 'choose' && (
          <Form layout="inline" style={{ rowGap: 12 }}>
            <Form.Item label="数据来源">
              <Select aria-label="数据来源" value={source} onChange={setSource} options={SOURCE_OPTIONS} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item label="数据期间">
              <DatePicker.RangePicker
                aria-label="数据期间"
                value={period}
                allowClear={false}
                onChange={(v) => v && v[0] && v[1] && setPeriod([v[0], v[1]])}
              />
            </Form.Item>
            <Form.Item>
              <Space>
                <FileButton
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  inputLabel="部门数据文件"
                  inputTestId="department-file"
                  onFile={choose}
                  type="primary"
                  disabled={!canImport}
                >
                  选择文件并检查
                </FileButton>
                <Button type="link" loading={template.busy} onClick={() => template.run(() => api.call('warnings.importTemplate', { source }), '已下载导入模板')}>
                  下载{DEPARTMENT_SOURCE_LABELS[source].split('（')[0]}导入模板
                </Button>
              </Space>
            </Form.Item>
          </Form>
        )}
        {state.step === 'reading' && <LoadingBlock text={`正在检查 ${state.fileName}…`} minHeight={160} />}
        {state.step === 'preview' && (
          <PreviewView p={state.preview} whose={whose} committing={state.committing} onCommit={() => commit(state.preview)} onAgain={again} />
        )}
        {state.step === 'done' && (
          <Result
            status="success"
            title={`已导入 ${state.preview.fileName}`}
            subTitle={`记入${whose}人员的部门数据 ${state.result.recordsStored} 条，待登记线索 ${state.result.cluesRaised} 条。产生新预警 ${state.result.warningsRaised} 条。`}
            extra={
              <Space>
                <Button type="primary" onClick={again} autoFocus>
                  继续导入
                </Button>
                {state.result.warningsRaised > 0 && (
                  <Button onClick={() => navigate({ name: 'warnings', filter: 'status=open' })}>查看预警</Button>
                )}
              </Space>
            }
          />
        )}
      </Card>
      <Card title="导入记录">
        {list.error != null ? <ErrorBlock error={list.error} onRetry={list.reload} /> : list.data ? <ImportsTable rows={list.data} /> : <LoadingBlock />}
      </Card>
    </div>
  );
}
