/**
 * Reasons the district server refuses a change or a request. Codes are stable kebab-case strings
 * shared by the office app and the server; each carries a Chinese message and what the user can do
 * about it (shown on the 同步 page next to the rejected change).
 */
export const SYNC_REASONS = {
  'partition-forbidden': {
    message: '本设备无权修改该街道的数据',
    action: '该修改只能由所属街道或区级设备完成；请联系区级管理员核实设备所属街道。',
  },
  'unknown-table': {
    message: '服务器不认识该数据表',
    action: '服务器版本可能较旧，请联系区级管理员升级服务器后再同步。',
  },
  'unknown-column': {
    message: '服务器不认识该字段',
    action: '服务器版本可能较旧，请联系区级管理员升级服务器后再同步。',
  },
  'bad-value': {
    message: '字段的取值类型不正确',
    action: '请在本机重新编辑该记录并保存；如反复出现请联系技术支持。',
  },
  'clock-ahead': {
    message: '本机时间比服务器快5分钟以上',
    action: '请把电脑的日期和时间调整为北京时间（可开启自动对时），然后点击“立即同步”。',
  },
  'device-revoked': {
    message: '本设备已被区级管理员停用',
    action: '请联系区级管理员重新签发登记码并重新登记本设备。',
  },
  'device-unknown': {
    message: '本设备未登记或凭据无效',
    action: '请在“同步”页面输入区级管理员签发的登记码登记本设备。',
  },
  'enrollment-code-invalid': {
    message: '登记码无效、已使用或已过期',
    action: '请向区级管理员索取新的登记码。',
  },
  'payload-too-large': {
    message: '同步数据包过大',
    action: '程序会自动分批重试；如反复出现请联系技术支持。',
  },
  'bad-payload': {
    message: '同步数据格式不正确',
    action: '请确认本机程序与服务器版本匹配；如反复出现请联系技术支持。',
  },
  'row-conflict': {
    message: '该记录与服务器上的记录冲突',
    action: '请核对该记录（如身份证号、用户名是否重复），修改后再同步。',
  },
  'replica-behind': {
    message: '本机数据比区级服务器上本设备已上传的修改旧（可能从较早的备份恢复或复制了数据文件夹）',
    action: '程序会自动从区级服务器取回本机缺少的修改并继续同步；如反复出现，请确认没有两台电脑使用同一份数据。',
  },
  'node-taken': {
    message: '该节点编号已被其他设备使用',
    action: '程序会自动换用新的节点编号重试；如反复出现请联系技术支持。',
  },
  // demo data never reaches a real street (issue 13)
  'demo-replica': {
    message: '本机是演示数据，不能登记到区级服务器或与之同步',
    action: '演示数据只供练习；真实工作请在空的数据文件夹中设置本街道，或登记到区级服务器取回本街道的数据。',
  },
  'unknown-street': {
    message: '本机的街道代码不是东丽区的街道',
    action: '请确认本机设置的街道正确；如需更正请联系区级管理员。',
  },
  'demo-account': {
    message: '用户名 demo 只用于演示数据，不能出现在真实街道',
    action: '请把该用户改用其他用户名后再同步。',
  },
  'server-error': {
    message: '服务器内部错误',
    action: '稍后会自动重试；如持续出现请联系区级管理员。',
  },
} as const satisfies Record<string, { message: string; action: string }>;

export type SyncReason = keyof typeof SYNC_REASONS;
export const SYNC_REASON_CODES = Object.keys(SYNC_REASONS) as [SyncReason, ...SyncReason[]];

export function syncMessage(code: SyncReason): string {
  return SYNC_REASONS[code].message;
}

/** Thrown by the sync client when the server refuses a whole request. */
export class SyncRefusal extends Error {
  constructor(
    readonly code: SyncReason,
    message: string = SYNC_REASONS[code].message,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncRefusal';
  }
}
