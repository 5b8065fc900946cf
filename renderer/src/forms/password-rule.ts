/** The form rule for a password being chosen: the same strength rule the backend applies. */
import type { FormRule } from 'antd';
import { passwordProblem } from '../../../shared/auth/password-rule';

export const strongPassword: FormRule = {
  validator: (_rule, value: string | undefined) => {
    const problem = value ? passwordProblem(value) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};
