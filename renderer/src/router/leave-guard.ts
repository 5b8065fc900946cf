/**
 * Guards against leaving a form with unsaved input: the app's own navigation (menu, search hits:
 * navigate()) and every other change of the address (Back, Forward, links: use-route.ts's
 * hashchange listener) ask here first. A guard either lets the move go (false) or
 * takes it over (true) and calls `proceed` once the user agrees. The last registered guard asks
 * first; a form inside a modal over a page form is asked before the page.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

const guards: LeaveGuard[] = [];

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.push(guard);
  return () => {
    const i = guards.indexOf(guard);
    if (i >= 0) guards.splice(i, 1);
  };
}

/** True when a guard took the move over (it will call `proceed` if the user agrees to leave). */
export function interceptLeave(proceed: () => void): boolean {
  const ask = (i: number): boolean => {
    if (i < 0) return false;
    // A guard that lets the move go hands it to the next; one that asks, on yes, does too.
    return guards[i]!(() => {
      if (!ask(i - 1)) proceed();
    }) || ask(i - 1);
  };
  return ask(guards.length - 1);
}
