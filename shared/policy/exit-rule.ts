/**
 * The one rule for a 低保 household leaving while exits are suspended (work plan 二(五)): "疫情防控期间，
 * 除家庭收入明显提高，基本生活确能保障外，暂停开展低保对象退出工作". Both conditions must be recorded as
 * answered yes; otherwise the exit is refused (a manual exit) or the household is kept at its amount
 * (an income-rise decision). Whether exits are suspended is read on the day of the decision.
 */
export const EXIT_SUSPENSION_RULE = '疫情防控期间，除家庭收入明显提高，基本生活确能保障外，暂停开展低保对象退出工作（津丽民发〔2020〕13号 二(五)）';

export interface ExitAnswers {
  /** 家庭收入明显提高 */
  incomeClearlyRisen?: boolean;
  /** 基本生活确能保障 */
  basicLivingSecure?: boolean;
}

/** True when the household may leave on this day. */
export function exitAllowed(exitsSuspended: boolean, a: ExitAnswers): boolean {
  return !exitsSuspended || (a.incomeClearlyRisen === true && a.basicLivingSecure === true);
}

/** The refusal of an exit while suspended, quoting the rule and naming what is missing; null when allowed. */
export function exitRefusal(exitsSuspended: boolean, a: ExitAnswers): { message: string; field: keyof ExitAnswers } | null {
  if (exitAllowed(exitsSuspended, a)) return null;
  const field: keyof ExitAnswers = a.incomeClearlyRisen === true ? 'basicLivingSecure' : 'incomeClearlyRisen';
  const missing = field === 'incomeClearlyRisen' ? '家庭收入明显提高' : '基本生活确能保障';
  return { message: `现处于暂停低保退出期间：${EXIT_SUSPENSION_RULE}。须确认“${missing}”后方可退出`, field };
}
