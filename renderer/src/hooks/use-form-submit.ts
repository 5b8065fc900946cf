/**
 * The submit handler of a form that saves through the API: a busy flag while it runs, a success
 * toast and follow-up (close, refresh) when it worked, and the error on the field it names (and as a
 * toast) when it did not. Every modal or drawer form that saves uses this, not its own try/catch.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { showFormError } from '../lib/form-errors';
import type { FieldPathOptions } from '../lib/field-path';

export interface FormSubmitOptions<V, R> {
  /** The toast after saving; a function may return null when this outcome has none. */
  success?: string | ((result: R, values: V) => string | null);
  onDone?: (result: R, values: V) => void;
  /** The form's unsaved guard (useUnsavedGuard): released once saved, so that closing does not ask. */
  guard?: { release: () => void };
  fieldPath?: FieldPathOptions;
  /** Told of a refusal before it is shown (e.g. to reveal the field it names). */
  onError?: (error: unknown) => void;
}

export function useFormSubmit<V, R>(
  form: FormInstance<V>,
  save: (values: V) => Promise<R>,
  opts: FormSubmitOptions<V, R> = {},
): { saving: boolean; submit: (values: V) => Promise<void> } {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (values: V) => {
    setSaving(true);
    try {
      const result = await save(values);
      const text = typeof opts.success === 'function' ? opts.success(result, values) : opts.success;
      if (text) message.success(text);
      opts.guard?.release();
      opts.onDone?.(result, values);
    } catch (e) {
      opts.onError?.(e);
      showFormError(form, e, message, opts.fieldPath);
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}
