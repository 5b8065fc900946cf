/**
 * The one rule for a strong password, for every place a password is chosen (the district server's
 * admin CLI; the office app's users.create / changePassword can use it too): at least 10
 * characters, not all of one kind (letters, digits, other), and not the username. Pure: no Node, no DOM.
 */
export const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with the password, in Chinese, or null when it is strong enough. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length === 0) return '密码不能为空';
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少${MIN_PASSWORD_LENGTH}位`;
  if (password.length > 128) return '密码不能超过128位';
  const kinds = [/\p{L}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (kinds < 2) return '密码不能只由一类字符组成：请混合字母、数字或符号中的至少两类';
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) return '密码不能与用户名相同';
  return null;
}
