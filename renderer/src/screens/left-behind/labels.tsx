/** Labels and tags of 留守 records, shared by the household tab and the list screen. */
import { Space, Tag, Typography } from 'antd';
import type { LeftBehindRecordView } from '../../../../shared/left-behind/procedures';
import { AWAY_RELATIONS, LEFT_BEHIND_CLOSE_REASONS, LEFT_BEHIND_KINDS, LEFT_BEHIND_REASONS } from '../../../../shared/left-behind/types';
import { labelOf } from '../../../../shared/codes';

export const kindLabel = (k: string) => labelOf(LEFT_BEHIND_KINDS, k);
export const reasonLabel = (r: string) => labelOf(LEFT_BEHIND_REASONS, r);
export const closeReasonLabel = (r: string) => labelOf(LEFT_BEHIND_CLOSE_REASONS, r);

export function AwayList({ r }: { r: LeftBehindRecordView }) {
  return (
    <Space direction="vertical" size={0}>
      {r.away.map((m, i) => (
        <span key={i}>{`${labelOf(AWAY_RELATIONS, m.relation)} ${m.name}：${m.whereabouts}（${m.since}起）`}</span>
      ))}
    </Space>
  );
}

/** 在档 / 逾期未更新 / 已满年龄待关闭 / 已关闭. */
export function StatusTags({ r }: { r: LeftBehindRecordView }) {
  if (r.closedOn) {
    return (
      <Space direction="vertical" size={0}>
        <Tag>已关闭</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r.closedOn} ${closeReasonLabel(r.closeReason ?? 'other')}`}</Typography.Text>
      </Space>
    );
  }
  return (
    <Space size={[4, 4]} wrap>
      {!r.stale && !r.ageOut && <Tag color="green">在档</Tag>}
      {r.stale && <Tag color="warning" data-testid="lb-stale">{`逾期未更新（应于${r.updateDueOn}前）`}</Tag>}
      {r.ageOut && <Tag color="volcano" data-testid="lb-age-out">{`${r.ageOutOn}已满年龄，待关闭`}</Tag>}
    </Space>
  );
}
