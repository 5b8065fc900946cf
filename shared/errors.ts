/**
 * Error reasons that cross the API (and, later, the sync wire). Codes are stable kebab-case strings
 * shared by client, backend and district server; each says what happened, with a Chinese message
 * (the thrower's own message names the field or the rule) and what the user can do about it, shown
 * by the window beside the message. Like the sync reasons (shared/sync/rejections.ts).
 */
export const ERRORS = {
  'invalid-input': { message: '填写的内容不符合要求', action: '请按提示修改所指的项目后重新提交。' },
  'not-signed-in': { message: '尚未登录', action: '请登录后再操作。' },
  'session-expired': { message: '登录已过期', action: '请重新登录后再操作。' },
  'session-invalid': { message: '登录状态已失效', action: '请重新登录后再操作。' },
  forbidden: { message: '当前账号无权进行该操作', action: '请由有权限的人员（街道负责人或管理员）办理，或请管理员调整账号角色。' },
  'bad-credentials': { message: '用户名或密码不正确', action: '请核对后重新输入；多次输错会暂时锁定该用户名。' },
  'account-locked': { message: '该用户名因多次输错密码已暂时锁定', action: '请稍后再试，或请街道管理员解除锁定。' },
  'account-disabled': { message: '该账号已停用', action: '请联系街道管理员。' },
  'not-found': { message: '要找的记录不存在或已被删除', action: '请刷新页面后重新选择。' },
  // what `conflict` used to say, by what happened (issue 14)
  duplicate: { message: '该记录已经存在', action: '请查找并使用已有的记录，不要重复登记；确需更正请修改已有记录。' },
  overlap: { message: '与已有记录的期限重叠', action: '请调整起止日期，或先结束（解除）已有的记录。' },
  'changed-meanwhile': { message: '数据在此期间已被修改（其他同事的操作或同步）', action: '请刷新页面，核对最新数据后重新操作。' },
  busy: { message: '数据库正忙', action: '请稍等片刻后重试。' },
  'in-use': { message: '该记录仍被其他记录引用', action: '请先处理引用它的记录，再重试。' },
  'prerequisite-missing': { message: '还缺少办理本项之前的一步', action: '请按提示先完成所需的步骤，再办理本项。' },
  'nothing-to-do': { message: '没有需要办理的内容', action: '请核对所选的记录；无需再办理。' },
  'not-applicable': { message: '该事项不适用于所选的记录或期间', action: '请核对所选的记录和月份（日期）。' },
  'needs-upgrade': { message: '本机程序版本较旧，不认识这些数据', action: '请升级本机程序后再处理。' },
  // backups and restore (issue 16)
  'backup-folder-invalid': { message: '备份文件夹不可用', action: '请填写本机或U盘上可以写入的文件夹的完整路径。' },
  'backup-not-found': { message: '找不到备份文件', action: '请核对文件路径，或从列表中选择备份。' },
  'backup-unreadable': { message: '无法读取该备份文件', action: '其他电脑的备份须输入那台电脑的恢复密钥；否则请选择本程序生成的备份文件。' },
  'backup-damaged': { message: '备份文件检查未通过', action: '请选择另一份检查结果为“完好”的备份。' },
  'backup-other-street': { message: '该备份属于其他街道', action: '请选择本街道的备份文件。' },
  // the encrypted street database (issue 16): its key is missing, cannot be opened here, or is not this file's
  'database-key-missing': { message: '找不到本机数据库的密钥', action: '请输入管理员保存的纸面恢复密钥以打开数据库；不要删除或覆盖数据文件夹。' },
  'database-key-unopenable': { message: '本机数据库的密钥无法在此电脑或此账号下打开', action: '请用原电脑的原账号启动，或输入管理员保存的纸面恢复密钥。' },
  'database-key-wrong': { message: '密钥与数据库不符，或数据库文件已损坏', action: '请核对恢复密钥是否属于本街道的这台电脑；如仍失败请联系技术支持，从备份恢复。' },
  'recovery-key-invalid': { message: '恢复密钥不正确', action: '请逐组核对纸面上的恢复密钥（共14组，每组4位，字母不分大小写）后重新输入。' },
  'id-number-invalid': { message: '身份证号码格式不正确', action: '请核对18位身份证号码（最后一位可以是X）。' },
  'id-number-checksum': { message: '身份证号码校验位不正确', action: '请逐位核对身份证号码，通常是某一位抄错。' },
  'id-number-in-use': { message: '该身份证号码已登记在其他人员名下', action: '请在户籍台账中查找该号码对应的人员，使用已有的记录。' },
  'already-set-up': { message: '本机已完成街道设置', action: '请直接登录。' },
  'not-set-up': { message: '本机尚未设置街道', action: '请先完成街道设置，或登记到区级服务器取回本街道的数据。' },
  'import-invalid': { message: '导入文件有错误', action: '请按提示修改文件后重新上传。' },
  // the same department file (by its SHA-256) imported a second time (issue 17)
  'import-duplicate-file': { message: '该文件已经导入过', action: '无需重复导入；如数据有更新，请向部门索取新的数据文件后导入。' },
  // a step not allowed from the record's current status, in every area (issue 4, issue 14)
  'invalid-transition': { message: '当前状态不能办理这一步', action: '请刷新查看该记录的当前状态，按当前状态可办理的步骤继续。' },
  // an item closed as 重复 must repeat another item of its household, never in a loop (issue 18)
  // 留守 records per person (issue 17): the kind's rule is not met by what was entered
  'left-behind-not-eligible': { message: '不符合该类留守人员的认定条件', action: '请按提示核对年龄、外出家人及外出时间等情况；情况已变化的请关闭档案。' },
  'ledger-duplicate-invalid': { message: '所选的重复事项不符合要求', action: '请选择同一家庭中另一条未与本条互为重复的事项。' },
  'unknown-procedure': { message: '未知的操作', action: '本机程序与页面版本不一致，请重新启动程序。' },
  internal: { message: '系统内部错误', action: '请重试；如仍失败请联系技术支持。' },
  // sync (issue 3)
  'not-enrolled': { message: '本机尚未登记到区级服务器', action: '请在“同步”页面输入区级管理员签发的登记码登记本机。' },
  'already-enrolled': { message: '本机已登记到区级服务器', action: '无需再次登记；如需更换请联系区级管理员。' },
  'sync-credential-unopenable': { message: '本机的同步凭据无法在此电脑上打开（从另一台电脑的备份恢复）', action: '请向区级管理员索取本街道的新登记码，在“同步”页面重新登记本机；本机数据保留不变。' },
  'sync-failed': { message: '同步未完成', action: '请检查网络后点击“立即同步”；如反复出现请联系区级管理员。' },
  // sync by file (USB) when the network is gone for days (issue 16)
  'bundle-invalid': { message: '不是同步包，或同步包已损坏', action: '请重新选择本程序导出的 .doudi 文件；如文件已损坏，请重新导出。' },
  'bundle-tampered': { message: '同步包校验失败', action: '文件在复制途中被改动或损坏：请从原电脑重新导出同步包后再导入。' },
  'bundle-other-street': { message: '同步包属于其他街道', action: '请核对所选文件：每个街道只能导入本街道的同步包。' },
  'bundle-other-device': { message: '同步包属于其他设备', action: '请核对所选文件：应答包只能导入到导出同步包的那台电脑。' },
  'bundle-old': { message: '同步包比已导入的旧', action: '请使用最新导出的同步包；较早的同步包中的修改已包含在较新的同步包里。' },
  // browser-mode host and bounded files (issue 13)
  'host-not-allowed': { message: '浏览器地址不是本机地址', action: '请用 http://127.0.0.1 或 http://localhost 加本服务端口访问。' },
  'origin-not-allowed': { message: '请求不是从本程序的页面发出的', action: '请直接在本程序的页面中操作。' },
  'import-too-large': { message: '导入文件过大', action: '请把文件拆分为较小的几份分别导入。' },
  // demo data never becomes real (issue 13)
  'demo-cannot-enroll': { message: '演示数据不能登记到区级服务器', action: '真实工作请在空的数据文件夹中设置本街道，或登记本机取回本街道的数据。' },
  'demo-account': { message: '用户名 demo 只用于演示数据', action: '请改用其他用户名。' },
  // payment batches (issue 12): a confirmed batch is frozen
  // 报送 and 通报 (issue 15)
  'report-month-incomplete': { message: '该月尚未结束，不能报送', action: '请在月份结束后报送；本月至今的数字仍在变化。' },
  'circular-published': { message: '已发布的通报不能修改', action: '如需更正，请另拟一份通报并发布。' },
  'batch-frozen': { message: '已确认的发放批次不能修改', action: '发放差额请在下一个未确认的批次中以补发或扣回处理。' },
  // the shell could not print or save the PDF
  'print-failed': { message: '打印失败', action: '请检查打印机或保存位置后重试。' },
  // the backend's worker thread stopped; the host restarts it (issue 14)
  'backend-restarting': { message: '后台服务意外停止，正在重新启动', action: '请稍候片刻后重试；已保存的数据不受影响。' },
  // one truth per household (issue 18): a programme category comes from an enrolment, never a tag
  'programme-by-enrolment': { message: '救助项目类别由纳入救助办理产生，不能直接勾选', action: '请在该户的「救助保障」页办理纳入救助；导入的在保户请用「确认导入」核对。' },
  // 预警 (issue 17): a warning is disposed of once
  'warning-disposed': { message: '该预警已处置，不能再次处置', action: '请刷新预警列表；处置结果有误的，请在问题台账中跟进。' },
} as const satisfies Record<string, { message: string; action: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

/**
 * The message with what to do about it, as the window shows it. A message that already says what
 * to do (请…) stands as it is; an unknown code (a newer backend) shows its message alone.
 */
const SAYS_WHAT_TO_DO = /(?<![申邀])请(?!求)/;

export function errorText(code: string, message: string): string {
  const info = (ERRORS as Record<string, { action: string } | undefined>)[code];
  if (!info || SAYS_WHAT_TO_DO.test(message)) return message;
  return `${message}${/[。！？!?]$/.test(message) ? '' : '。'}${info.action}`;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path the error is about, e.g. "members.1.idNumber". */
  field?: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  static fromBody(body: ApiErrorBody): AppError {
    return new AppError(body.code, body.message, { field: body.field, details: body.details });
  }
}

export function isApiErrorBody(v: unknown): v is ApiErrorBody {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ApiErrorBody).code === 'string' &&
    typeof (v as ApiErrorBody).message === 'string'
  );
}
