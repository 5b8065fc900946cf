/**
 * The submit handler of a form that saves through the API: a busy flag while it runs, a success
 * toast and follow-up when it worked, and the error on the field it names when it did not.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { showFormError } from '../lib/form-errors';
import type { FieldPathOptions } from '../lib/field-path';

export interface FormSubmitOptions<R> {
  success?: string | ((result: R) => string);
  onDone?: (result: R) => void;
  fieldPath?: FieldPathOptions;
}

export function useFormSubmit<V, R>(
  form: FormInstance<V>,
  save: (values: V) => Promise<R>,
  opts: FormSubmitOptions<R> = {},
): { saving: boolean; submit: (values: V) => Promise<void> } {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (values: V) => {
    setSaving(true);
    try {
      const result = await save(values);
      if (opts.success) message.success(typeof opts.success === 'function' ? opts.success(result) : opts.success);
      opts.onDone?.(result);
    } catch (e) {
      showFormError(form, e, message, opts.fieldPath);
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}
