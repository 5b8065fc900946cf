/**
 * On the first-start screen: enroll this PC with the district server instead of setting up a street
 * by hand. The street, its users and its data then arrive from the server; once they have, the
 * sign-in screen follows. An enrolled device still waiting for its first sync shows that wait.
 */
import { useEffect, useState } from 'react';
import { Alert, Card, Col, Spin, Typography } from 'antd';
import { CloudServerOutlined } from '@ant-design/icons';
import type { SetupStatus } from '../../../../shared/auth/schemas';
import { api } from '../../api/client';
import { EnrollForm } from './EnrollForm';
import { useSyncStatus } from './use-sync-status';
import { progressText } from '../../../../shared/sync/status';

interface Props {
  isEmpty: boolean;
  disabled: boolean;
  onStatusChanged: (s: SetupStatus) => void;
  /** Enrolled (now or at an earlier start), waiting for the street to arrive. */
  onEnrolled?: () => void;
  /** While the enrollment and its first sync run. */
  onBusyChange?: (busy: boolean) => void;
}

/** A grid column of the set-up screen; nothing on a device that holds data and is not enrolled. */
export function EnrollSetupCard({ isEmpty, disabled, onStatusChanged, onEnrolled, onBusyChange }: Props) {
  const { status } = useSyncStatus();
  const [justEnrolled, setJustEnrolled] = useState(false);
  const enrolled = justEnrolled || status?.enrolled === true;

  useEffect(() => {
    if (enrolled) onEnrolled?.();
  }, [enrolled, onEnrolled]);

  useEffect(() => {
    if (!enrolled) return;
    let live = true;
    const check = () =>
      api
        .call('setup.status', {})
        .then((s) => live && s.isSetUp && onStatusChanged(s))
        .catch(() => undefined);
    void check();
    const t = setInterval(check, 3000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [enrolled, onStatusChanged]);

  if (!isEmpty && !enrolled) return null;
  return (
    <Col xs={24}>
    <Card title={<><CloudServerOutlined /> 登记到区级服务器</>} aria-label="登记到区级服务器">
      {enrolled ? (
        <div role="status" aria-live="polite">
          <Spin /> <Typography.Text>本设备已登记，正在从区级服务器取得本街道的数据…</Typography.Text>
          {status?.progress && progressText(status.progress) && (
            <Typography.Text type="secondary" data-testid="enroll-progress">
              {' '}
              {progressText(status.progress)}
            </Typography.Text>
          )}
          {status?.lastError && (
            <Alert style={{ marginTop: 12 }} type="warning" showIcon title={status.lastError.message} description={status.lastError.action} />
          )}
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            街道已在区级服务器开通的，请在此登记本机：街道、社区和工作人员账号会从服务器同步到本机，之后断网也能照常登录和工作。
          </Typography.Paragraph>
          <EnrollForm disabled={disabled} onBusyChange={onBusyChange} onEnrolled={() => setJustEnrolled(true)} />
        </>
      )}
    </Card>
    </Col>
  );
}
