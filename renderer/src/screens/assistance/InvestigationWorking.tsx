/**
 * The live 核算 working inside the 入户调查 dialog: asked of the backend (previewInvestigation, which
 * writes nothing) whenever the covered persons or the working-away members change.
 */
import { useEffect, useState } from 'react';
import { Checkbox, Form, Spin, Typography } from 'antd';
import type { InvestigationPreview } from '../../../../shared/assistance/types';
import { api, errorMessage } from '../../api/client';
import { WorkingView } from './WorkingView';

export function InvestigationWorking({ enrolmentId }: { enrolmentId: string }) {
  const form = Form.useFormInstance();
  const coveredPersons = Form.useWatch<number | undefined>('coveredPersons', form);
  const away = Form.useWatch<string[] | undefined>('workingAwayPersonIds', form);
  const [preview, setPreview] = useState<InvestigationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const awayKey = (away ?? []).join(',');

  useEffect(() => {
    let live = true;
    api
      .call('assistance.previewInvestigation', {
        id: enrolmentId,
        coveredPersons: typeof coveredPersons === 'number' ? coveredPersons : undefined,
        workingAwayPersonIds: awayKey ? awayKey.split(',') : [],
      })
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [enrolmentId, coveredPersons, awayKey]);

  if (error) return <Typography.Paragraph type="danger" data-testid="working-error">{`无法核算：${error}`}</Typography.Paragraph>;
  if (!preview) return <Spin size="small" />;
  if (!preview.working) return <Typography.Paragraph type="secondary">本项目不做家庭收入核算。</Typography.Paragraph>;
  const w = preview.working;
  const epidemic = w.params.some((p) => p.key === 'epidemic.rulesInForce' && p.value === true);
  return (
    <>
      {epidemic && (
        <Form.Item name="workingAwayPersonIds" label="外出务工、返岗复工的成员" extra="疫情防控期间，核定家庭收入时每人每月扣减务工成本（津丽民发〔2020〕13号）。">
          <Checkbox.Group options={w.members.map((m) => ({ value: m.personId, label: m.name }))} />
        </Form.Item>
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        收入核算（审批前核对）
      </Typography.Title>
      <WorkingView working={w} testId="investigation-working" />
    </>
  );
}
