/**
 * Ctrl+K or / asks the household list to focus its search box. The request is remembered until the
 * list is on screen (it may first have to be navigated to).
 */
const EVENT = 'doudi:focus-search';
let pending = false;

export function requestSearchFocus(): void {
  pending = true;
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `focus` now if a request is pending, and on every later request. */
export function onSearchFocusRequest(focus: () => void): () => void {
  const run = () => {
    if (!pending) return;
    pending = false;
    focus();
  };
  run();
  window.addEventListener(EVENT, run);
  return () => window.removeEventListener(EVENT, run);
}
