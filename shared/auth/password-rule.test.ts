import { describe, expect, test } from 'vitest';
import { passwordProblem } from './password-rule';

describe('the password rule', () => {
  test.each([
    ['', '密码不能为空'],
    ['abc-12', '密码至少10位'],
    ['1234567890', '不能只由一类字符组成'],
    ['abcdefghijkl', '不能只由一类字符组成'],
    ['zgz_admin01', '不能与用户名相同'],
  ])('refuses %j', (password, message) => {
    expect(passwordProblem(password, 'ZGZ_admin01')).toContain(message);
  });

  test.each(['Zgz-admin-2026', 'secret-pass-1', '兜底保障工作台2026'])('accepts %j', (password) => {
    expect(passwordProblem(password, 'zgz_admin')).toBeNull();
  });
});
