/** The append-only record of an enrolment's steps: who, when, what; a step corrected is kept, marked deleted. */
import type { EnrolmentStep } from '../../../../shared/assistance/codes';
import type { Actor, Store } from '../../store/store';

export function recordStep(store: Store, actor: Actor, enrolmentId: string, step: EnrolmentStep, note: string | null, detail?: unknown): void {
  store.insert(
    'enrolment_steps',
    { streetCode: actor.streetCode, enrolmentId, step, at: store.nowIso(), username: actor.username, note, detail: detail ?? null },
    actor,
    null,
  );
}

/** An enrolment step as read back to be corrected (death-correction.ts, death-withdrawal.ts). */
export type StepRow = { id: string; enrolment_id: string; step: EnrolmentStep; detail: string };

/** Replaces a step by a new one naming it (detail.corrects); the old one is kept, marked deleted. */
export function replaceStep(store: Store, actor: Actor, s: StepRow, detail: Record<string, unknown>, note: string): void {
  store.softDelete('enrolment_steps', s.id, actor, null);
  recordStep(store, actor, s.enrolment_id, s.step, note, detail);
}
