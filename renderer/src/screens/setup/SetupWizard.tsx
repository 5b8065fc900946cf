/** First start: offer the demo street (only on an empty data directory), set up the real street, enroll, or restore a backup. */
import { useCallback, useState } from 'react';
import { Card, Col, Flex, Row, Typography } from 'antd';
import type { SessionInfo, SetupStatus } from '../../../../shared/auth/schemas';
import { DemoSetupCard } from './DemoSetupCard';
import { StreetSetupForm } from './StreetSetupForm';
import { EnrollSetupCard } from '../sync/EnrollSetupCard';
import { RestoreSetupCard } from './RestoreSetupCard';

interface Props {
  status: SetupStatus;
  onSignedIn: (session: SessionInfo) => void;
  onStatusChanged: (status: SetupStatus) => void;
}

export function SetupWizard({ status, onSignedIn, onStatusChanged }: Props) {
  const [busy, setBusy] = useState(false);
  // Enrolled and waiting for the first sync: the street comes from the server, so neither the demo
  // nor a street set up by hand is offered any more.
  const [enrolled, setEnrolled] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const markEnrolled = useCallback(() => setEnrolled(true), []);
  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: '48px 16px', boxSizing: 'border-box' }}>
      <div style={{ width: '100%', maxWidth: status.isEmpty ? 1040 : 640 }}>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          兜底保障工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 32 }}>
          首次使用设置 · 东丽区街道社会救助兜底保障
        </Typography.Paragraph>
        <Row gutter={[24, 24]}>
          {status.isEmpty && !enrolled && (
            <Col xs={24} md={10}>
              <DemoSetupCard disabled={busy || enrolling} onBusyChange={setBusy} onLoaded={onStatusChanged} />
            </Col>
          )}
          {!enrolled && (
            <Col xs={24} md={status.isEmpty ? 14 : 24}>
              <Card title="设置本街道" aria-label="设置本街道">
                <StreetSetupForm disabled={busy || enrolling} onSignedIn={onSignedIn} />
              </Card>
            </Col>
          )}
          <EnrollSetupCard isEmpty={status.isEmpty} disabled={busy} onStatusChanged={onStatusChanged} onEnrolled={markEnrolled} onBusyChange={setEnrolling} />
          {!enrolled && <RestoreSetupCard isEmpty={status.isEmpty} disabled={busy || enrolling} onBusyChange={setBusy} onStatusChanged={onStatusChanged} />}
        </Row>
      </div>
    </Flex>
  );
}
