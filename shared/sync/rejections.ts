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
  'bad-text': {
    message: '字段含有无法保存的字符（空字符或不成对的代理字符）',
    action: '请在本机打开该记录，重新输入所指字段（删除看不见的字符）并保存；新的修改会自动同步，这条拒收记录随之作废。',
    legacy: 'bad-value',
  },
  'store-failed': {
    message: '区级服务器无法保存这项修改',
    action: '请在本机打开该记录核对后重新保存；如反复出现请联系区级管理员（服务器日志中有该修改的时钟戳）。',
    legacy: 'server-error',
  },
  'admin-proof-required': {
    message: '用户与权限的修改须由本街道管理员在联网时登录后上传',
    action: '请街道管理员在本机联网时重新登录，修改会自动上传；在此之前它留在本机待上传。',
    legacy: 'partition-forbidden',
  },
  'role-forbidden': {
    message: '不能通过同步把用户设为街道管理员以上的角色，或修改其他街道、区级的用户',
    action: '区级账号只能由区级管理员在服务器上管理；请改回原角色，或联系区级管理员。',
    legacy: 'partition-forbidden',
  },
  'audit-append-only': {
    message: '操作日志只能追加，不能修改或删除',
    action: '该修改不会被上传；如本机的操作日志被改动，请联系技术支持核查。',
    legacy: 'partition-forbidden',
  },
  'payment-batch-frozen': {
    message: '已确认的发放批次及其明细不能修改或删除',
    action: '该修改不会被上传：同月的批次以先到区级服务器的确认为准，本机会改用区里的批次；发放差额请在下一个未确认的批次中以补发或扣回处理。',
    legacy: 'partition-forbidden',
  },
  'report-frozen': {
    message: '已报送的月度报表和已发布的通报不能修改或删除',
    action: '该修改不会被上传；报表如需更正请重新报送（新版本并写明原因），通报如需更正请另拟一份。',
    legacy: 'partition-forbidden',
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
} as const satisfies Record<string, { message: string; action: string; legacy?: string }>;

export type SyncReason = keyof typeof SYNC_REASONS;
export const SYNC_REASON_CODES = Object.keys(SYNC_REASONS) as [SyncReason, ...SyncReason[]];

/**
 * Clients before these codes parse a refusal's code against their own list: a push answer names a
 * newer code only to a client that says it knows them (header SYNC_REASONS_HEADER: 2), else the
 * older code it stands in for (the message stays the specific one).
 */
export const SYNC_REASONS_HEADER = 'x-sync-reasons';
export function wireReason(code: SyncReason, clientKnowsNew: boolean): SyncReason {
  const legacy = (SYNC_REASONS[code] as { legacy?: SyncReason }).legacy;
  return clientKnowsNew || !legacy ? code : legacy;
}

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
