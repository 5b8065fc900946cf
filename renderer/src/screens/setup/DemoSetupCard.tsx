/** Loads the demo street (张贵庄街道（演示）, about 2,000 households) into an empty data directory. */
import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import type { SetupStatus } from '../../../../shared/auth/schemas';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useElapsedPercent } from './use-elapsed-percent';

interface Props {
  disabled: boolean;
  onBusyChange: (busy: boolean) => void;
  onLoaded: (status: SetupStatus) => void;
}

export function DemoSetupCard({ disabled, onBusyChange, onLoaded }: Props) {
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const percent = useElapsedPercent(loading, 8000);

  const load = async () => {
    setLoading(true);
    setError(null);
    onBusyChange(true);
    try {
      const status = await api.call('setup.loadDemo', {});
      message.success('演示数据已生成，请使用演示账号 demo / demo 登录');
      onLoaded(status);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
      onBusyChange(false);
    }
  };

  return (
    <Card title={<><ExperimentOutlined /> 使用演示数据</>} style={{ height: '100%' }}>
      <Typography.Paragraph>
        生成演示街道“张贵庄街道（演示）”，包含 8 个社区、约 2,000 户困难家庭及其成员，以及演示账号
        <Typography.Text code>demo / demo</Typography.Text>。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        演示数据均为虚构，仅供培训和试用，不能登记到区级服务器或同步。生成需要几秒钟。正式使用请在右侧设置本街道。
      </Typography.Paragraph>
      {loading && (
        <div role="status" aria-live="polite" style={{ marginBottom: 16 }}>
          <Progress percent={percent} status="active" showInfo={false} />
          <Typography.Text type="secondary">正在生成演示数据，请稍候…</Typography.Text>
        </div>
      )}
      {error != null && !loading && (
        <ErrorBlock error={error} title="生成演示数据失败" onRetry={load} />
      )}
      {error == null && (
        <Button type="primary" size="large" block loading={loading} disabled={disabled && !loading} onClick={load}>
          使用演示数据
        </Button>
      )}
      {!loading && error == null && (
        <Alert style={{ marginTop: 16 }} type="info" showIcon title="演示数据只能在尚无任何数据时生成。" />
      )}
    </Card>
  );
}
