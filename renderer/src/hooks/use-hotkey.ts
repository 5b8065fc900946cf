/** Global keyboard shortcuts. A shortcut string is like 'ctrl+s', 'alt+1', '/' or 'ctrl+k'. */
import { useEffect, useRef } from 'react';

export interface HotkeyOptions {
  /** Also fire while the focus is in a text field (default: only modified keys do). */
  inInputs?: boolean;
  enabled?: boolean;
}

export function matchesHotkey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, combo: string): boolean {
  const parts = combo.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const wantCtrl = parts.includes('ctrl');
  const wantAlt = parts.includes('alt');
  const wantShift = parts.includes('shift');
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl !== wantCtrl || event.altKey !== wantAlt) return false;
  if (wantShift && !event.shiftKey) return false;
  return event.key.toLowerCase() === key;
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useHotkey(combos: string | string[], handler: (event: KeyboardEvent) => void, opts: HotkeyOptions = {}): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const list = Array.isArray(combos) ? combos : [combos];
  const key = list.join('|');
  const { inInputs = false, enabled = true } = opts;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!key.split('|').some((c) => matchesHotkey(event, c))) return;
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      if (!inInputs && !modified && isTextTarget(event.target)) return;
      event.preventDefault();
      handlerRef.current(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, inInputs, enabled]);
}
