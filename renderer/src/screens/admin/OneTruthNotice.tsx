/** One line on 系统管理: what the start-up migration to one truth (救助类别 from 保障记录) changed, once it has. */
import { Alert } from 'antd';
import { PROGRAMME_CATEGORIES } from '../../../../shared/assistance/programme-categories';
import { ASSISTANCE_CATEGORIES, labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';

export function OneTruthNotice() {
  const q = useApiQuery(() => api.call('assistance.oneTruthReport', {}), []);
  const r = q.data?.report;
  if (!r || r.households === 0) return null;
  const parts = PROGRAMME_CATEGORIES.filter((p) => r.enrolled[p] > 0).map((p) => `${labelOf(ASSISTANCE_CATEGORIES, p)} ${r.enrolled[p]} 户`);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="one-truth-notice"
      style={{ marginBottom: 16 }}
      title={`${formatInstant(r.at)} 升级时，${r.households} 户以标签记录的救助项目改由保障记录确定：新建“已在保（导入）”记录 ${parts.join('、') || '无'}，已有保障记录 ${r.kept} 项保持不变。请在“保障对象”中逐户核对后确认导入。`}
    />
  );
}
