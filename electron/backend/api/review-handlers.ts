/** 复审 on schedule: the due list, the preview and the record of a review (shared/assistance/reviews.ts). */
import type { reviewProcedures } from '../../../shared/assistance/reviews';
import { previewReview, recordReview, reviewsDue } from '../services/assistance/reviews';
import type { Handlers } from './handlers';
import { requireUser } from './context';

export type ReviewProcedure = keyof typeof reviewProcedures;

export function reviewHandlers(): Handlers<ReviewProcedure> {
  return {
    'assistance.reviewsDue': (input, { store, actor }) => reviewsDue(store, actor.streetCode, input),
    'assistance.previewReview': (input, { store, actor }) => previewReview(store, actor, input),
    'assistance.recordReview': (input, ctx) => recordReview(ctx.store, ctx.actor, requireUser(ctx).role, input),
  };
}
