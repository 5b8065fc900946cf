/**
 * Asks the user to confirm members whose relation to the 户主 does not fit their ages or sexes
 * (shared/registry/relation-age.ts); resolves true to save, false to go back and correct.
 */
import type { App } from 'antd';
import { relationAgeWarnings, type RelationMember } from '../../../shared/registry/relation-age';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

export async function confirmRelationAges(modal: ModalApi, members: readonly RelationMember[]): Promise<boolean> {
  const warnings = relationAgeWarnings(members);
  if (warnings.length === 0) return true;
  return modal.confirm({
    title: '请核对成员与户主的关系',
    content: (
      <div data-testid="relation-age-warnings">
        <ul style={{ paddingLeft: 20, margin: '8px 0' }}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        确认无误仍要保存吗？
      </div>
    ),
    width: 560,
    okText: '确认无误，保存',
    cancelText: '返回修改',
  });
}
