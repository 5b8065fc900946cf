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

/**
 * The ways a 低保 household, or a covered member, stops being paid. Every one of them asks
 * exitRefusalOn before it writes (electron/backend/services/assistance/exits.ts).
 */
export const EXIT_PATHS = {
  manual: '办理低保退出',
  'income-rise': '收入增加申报',
  death: '死亡',
  'household-deleted': '删除家庭',
  'household-exited': '将家庭标为已退出',
  'person-removed': '删除成员（迁出等）',
  'person-moved': '成员迁至其他家庭',
} as const;
export type ExitPath = keyof typeof EXIT_PATHS;

/**
 * Death is not an exit under the suspension. 二(五) suspends "低保对象退出工作" — the review that takes a
 * living family off 低保 — so that nobody loses support during the epidemic unless their income has
 * clearly risen and their living is secure. A person who has died has no living to secure, and a death
 * is not decided by anyone: the entitlement ends after the month of death on every day. Every other
 * path takes support from living people and falls under the rule.
 */
export function exitRuleApplies(path: ExitPath): boolean {
  return path !== 'death';
}

/**
 * The refusal of a path while exits are suspended, or null. A registry path (deleting a household, a
 * member moving out) cannot record the plan's two answers: it names itself and sends the user to the
 * 低保 exit, where they are asked.
 */
export function exitRefusalOn(path: ExitPath, exitsSuspended: boolean, a: ExitAnswers): { message: string; field: string } | null {
  if (!exitRuleApplies(path)) return null;
  const r = exitRefusal(exitsSuspended, a);
  if (!r || path === 'manual' || path === 'income-rise') return r;
  return {
    message: `现处于暂停低保退出期间：${EXIT_SUSPENSION_RULE}。${EXIT_PATHS[path]}会使该户低保停发或减少保障人数，` +
      '请先在“救助”中办理低保退出，确认“家庭收入明显提高”和“基本生活确能保障”',
    field: 'id',
  };
}
