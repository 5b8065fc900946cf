/** Input schemas and output types of set-up, sign-in and user management. */
import { z } from 'zod';
import { ROLES, type Role } from '../codes';
import { zCode, zId, zOptText, zText } from '../api/zh';
import { passwordProblem } from './password-rule';

const username = z
  .string({ error: '用户名缺失' })
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { error: '用户名应为3至32位字母、数字或 _ . -' });

/** A password being chosen: the one strength rule (shared/auth/password-rule.ts). */
const password = z.string({ error: '密码缺失' }).superRefine((v, ctx) => {
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** …and not the user name it is chosen for. */
function notTheUsername(v: { username: string; password: string }, ctx: z.RefinementCtx): void {
  const problem = passwordProblem(v.password, v.username);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['password'] });
}

export const LoginSchema = z.strictObject({
  username: zText('用户名', { max: 32 }),
  password: z.string({ error: '密码缺失' }).min(1, { error: '密码不能为空' }).max(128, { error: '密码过长' }),
});

export const SetupSchema = z.strictObject({
  streetCode: z.string({ error: '街道代码缺失' }).trim().regex(/^\d{9}(\d{3})?$/, { error: '街道代码应为9位或12位数字' }),
  streetName: zText('街道名称', { max: 30 }),
  officeName: zText('办公室名称', { max: 60 }),
  admin: z
    .strictObject({
      username,
      displayName: zText('管理员姓名', { max: 20 }),
      password,
    })
    .superRefine(notTheUsername),
});
export type SetupInput = z.output<typeof SetupSchema>;

export const ChangePasswordSchema = z.strictObject({
  oldPassword: z.string({ error: '原密码缺失' }).min(1, { error: '原密码不能为空' }),
  newPassword: password,
});

export const CreateUserSchema = z
  .strictObject({
    username,
    displayName: zText('姓名', { max: 20 }),
    role: zCode('角色', ROLES),
    password,
    phone: zOptText('联系电话', 20),
  })
  .superRefine(notTheUsername);

export const UpdateUserSchema = z.strictObject({
  id: zId('用户'),
  displayName: zText('姓名', { max: 20 }).optional(),
  role: zCode('角色', ROLES).optional(),
  disabled: z.boolean({ error: '停用标记必须是是或否' }).optional(),
  resetPassword: password.optional(),
  unlock: z.boolean({ error: '解锁标记必须是是或否' }).optional(),
});

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  streetCode: string;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface SessionInfo {
  token: string;
  user: UserInfo;
  street: { code: string; name: string; officeName: string };
}

export interface SetupStatus {
  isSetUp: boolean;
  street: { code: string; name: string; officeName: string } | null;
  /** True when the data directory holds no data at all (demo street can be offered). */
  isEmpty: boolean;
  isDemo: boolean;
}
