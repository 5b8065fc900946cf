/**
 * One guard for every form with unsaved input: leaving by the app's navigation (menu, links,
 * search) or the browser's Back and Forward (router/use-route.ts), closing a modal (Esc, ×, 取消:
 * confirmClose) and closing or reloading the window
 * (beforeunload; the Electron main window asks with its own dialog) all ask before what was typed
 * is lost. `isDirty` is read when the user tries to leave (antd: form.isFieldsTouched()).
 */
import { useCallback, useEffect, useRef } from 'react';
import { App } from 'antd';
import { addLeaveGuard } from '../router/leave-guard';

export interface UnsavedGuardOptions {
  /** Off while the form is not shown (a closed modal). */
  enabled?: boolean;
  title?: string;
  content?: string;
}

export const UNSAVED_TITLE = '放弃未保存的内容？';
export const UNSAVED_CONTENT = '已填写的内容尚未保存，离开后将丢失。';

export function useUnsavedGuard(isDirty: () => boolean, opts: UnsavedGuardOptions = {}) {
  const { modal } = App.useApp();
  const state = useRef({ isDirty, opts, released: false, asking: false });
  state.current.isDirty = isDirty;
  state.current.opts = opts;
  const enabled = opts.enabled ?? true;

  const dirty = useCallback(() => {
    const s = state.current;
    return (s.opts.enabled ?? true) && !s.released && s.isDirty();
  }, []);

  /** Asks; on yes, leaving no longer asks and `proceed` runs. */
  const ask = useCallback(
    (proceed: () => void) => {
      const s = state.current;
      if (s.asking) return;
      s.asking = true;
      modal.confirm({
        title: s.opts.title ?? UNSAVED_TITLE,
        content: s.opts.content ?? UNSAVED_CONTENT,
        okText: '放弃并离开',
        okButtonProps: { danger: true },
        cancelText: '继续填写',
        // Enter or Space on the question keeps the input: discarding takes a deliberate choice.
        autoFocusButton: 'cancel',
        onOk: () => {
          s.released = true;
          proceed();
        },
        afterClose: () => {
          s.asking = false;
        },
      });
    },
    [modal],
  );

  useEffect(() => {
    if (!enabled) return;
    state.current.released = false;
    const removeGuard = addLeaveGuard((proceed) => {
      if (!dirty()) return false;
      ask(proceed);
      return true;
    });
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirty()) return;
      e.preventDefault();
      // Older Chromium (and Electron's will-prevent-unload) need returnValue set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [enabled, dirty, ask]);

  return {
    /** For a modal's onCancel (Esc, ×, 取消): closes at once when nothing was typed, else asks. */
    confirmClose: useCallback((close: () => void) => (dirty() ? ask(close) : close()), [dirty, ask]),
    /** After a save: the form's own navigation no longer asks. */
    release: useCallback(() => {
      state.current.released = true;
    }, []),
  };
}
