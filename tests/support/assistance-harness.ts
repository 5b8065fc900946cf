/**
 * The street the assistance API tests start from (death-stop, payment batches): the real backend of
 * the test harness on a test clock that starts on 2026-03-15, calls as the administrator (signed in
 * again whenever the clock moves: the session would have expired), households of generated members
 * (valid-checksum ID numbers, a bank account) and enrolments taken through their steps.
 * (The e2e specs' street, over the window's backend, is assistance-street.ts.)
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import { makeIdNumber } from '../../shared/id-number';
import { makeHarness, type Harness } from '../../electron/backend/testing/harness';
import { enrolThroughSteps } from '../../electron/backend/testing/enrolment';

export type Member = { name: string; relation: string; birth?: string; disabled?: boolean };

export interface AssistanceHarness {
  h: Harness;
  call: Harness['call'];
  raw(procedure: string, input: unknown): ReturnType<Harness['raw']>;
  /** Moves the clock to `iso` and signs the administrator in again. */
  at(iso: string): Promise<void>;
  db(): Database.Database;
  communityId: string;
  /** A valid ID number, unique in the test, for someone born on `birth` (YYYYMMDD). */
  idNumber(birth: string): string;
  /** A household of `members` (no income, unemployed) at `${place}<n>号`, with a bank account. */
  household(members: Member[], place?: string): Promise<OutputOf<'registry.createHousehold'>>;
  /** Apply → … → 区级审批, paid from `month` (testing/enrolment.ts). */
  enrol(input: InputOf<'assistance.apply'>, month: string): Promise<OutputOf<'assistance.advance'>>;
  close(): Promise<void>;
}

export async function makeAssistanceHarness(opts: { start?: string; seq?: number } = {}): Promise<AssistanceHarness> {
  let now = new Date(opts.start ?? '2026-03-15T02:00:00Z');
  let seq = opts.seq ?? 200;
  const h = await makeHarness({ now: () => now });
  const communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  const idNumber = (birth: string) => makeIdNumber('120110', birth, seq++ * 2 + 1);
  return {
    h,
    call: (p, input) => h.call(p, input),
    raw: (p, input) => h.raw(p, input),
    at: async (iso) => {
      now = new Date(iso);
      await h.signInAgain();
    },
    db: () => h.backend.store.sqlite,
    communityId,
    idNumber,
    household: (members, place = '新立村') => {
      const n = seq;
      return h.call('registry.createHousehold', {
        household: { communityId, address: `${place}${n}号`, hukouType: 'urban', bankName: '天津农商银行', bankAccount: `62210000000${n}` },
        members: members.map((m) => ({
          name: m.name,
          relation: m.relation as '02',
          idNumber: idNumber(m.birth ?? '19600101'),
          employment: 'unemployed' as const,
          incomes: [],
          ...(m.disabled ? { disabilityCategory: '4' as const, disabilityGrade: '1' as const } : {}),
        })),
      });
    },
    enrol: (input, month) => enrolThroughSteps(h, input, month),
    close: () => h.close(),
  };
}
