/**
 * Shows an API error where the user can act on it: on the form field it names (Form.setFields, the
 * message alone), and always as a message toast (the message with what to do).
 */
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { AppError } from '../../../shared/errors';
import { errorMessage } from '../api/client';
import { fieldPathFromApi, type FieldPathOptions } from './field-path';

export function showFormError(
  form: FormInstance,
  error: unknown,
  message: MessageInstance,
  opts: FieldPathOptions = {},
): void {
  const text = errorMessage(error);
  if (error instanceof AppError) {
    const name = fieldPathFromApi(error.field, opts);
    if (name) {
      form.setFields([{ name, errors: [error.message] }]);
      form.scrollToField(name, { block: 'center', focus: true });
    }
  }
  message.error(text);
}
