/** The append-only record of an enrolment's steps: who, when, what. */
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
