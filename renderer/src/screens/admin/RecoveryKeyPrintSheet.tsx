/** The recovery key on one A4 page: the street, the date, the key in large type, and how to keep it. */
import type { RecoveryKeySheet } from '../../../../shared/database/procedures';
import { formatInstant } from '../../lib/dates';

export function RecoveryKeyPrintSheet({ sheet }: { sheet: RecoveryKeySheet }) {
  const groups = sheet.recoveryKey.split('-');
  return (
    <div className="recovery-key-sheet" data-testid="recovery-key-sheet">
      <h2 style={{ textAlign: 'center', marginTop: 0 }}>兜底保障工作台 · 数据库恢复密钥</h2>
      <table className="recovery-key-facts">
        <tbody>
          <tr><th>街道</th><td>{sheet.street.name}（{sheet.street.code}）</td></tr>
          <tr><th>单位</th><td>{sheet.street.officeName}</td></tr>
          <tr><th>打印时间</th><td>{formatInstant(sheet.shownAt)}（{sheet.shownBy}）</td></tr>
        </tbody>
      </table>
      <p className="recovery-key-text" data-testid="recovery-key" aria-label="恢复密钥">
        {[0, 1].map((row) => (
          <span key={row} style={{ display: 'block' }}>
            {groups.slice(row * 7, row * 7 + 7).join(' - ')}
          </span>
        ))}
      </p>
      <ol className="recovery-key-rules">
        <li>本密钥可在任何电脑上打开本街道的数据库及其备份，与本机数据同等重要，属于敏感个人信息的保护措施。</li>
        <li>请将本页装入信封封存，放入带锁的文件柜，由街道负责人保管；不要与电脑放在一起，不要拍照、扫描或保存为电脑文件。</li>
        <li>电脑损坏、更换电脑或系统账号、从备份恢复时，在程序提示处逐组输入（字母不分大小写）。</li>
        <li>如本页遗失或可能被他人看到，请立即报告街道负责人和区级管理员。</li>
      </ol>
    </div>
  );
}
