/**
 * Error reasons that cross the API (and, later, the sync wire). Codes are stable kebab-case strings
 * shared by client, backend and district server; messages are Chinese and name the field at fault.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-signed-in',
  'session-expired',
  'session-invalid',
  'forbidden',
  'bad-credentials',
  'account-locked',
  'account-disabled',
  'not-found',
  'conflict',
  'id-number-invalid',
  'id-number-checksum',
  'id-number-in-use',
  'already-set-up',
  'not-set-up',
  'import-invalid',
  // screening and issue ledger (issue 4)
  'invalid-transition',
  // an item closed as 重复 must repeat another item of its household, never in a loop (issue 18)
  'ledger-duplicate-invalid',
  'unknown-procedure',
  'internal',
  // sync (issue 3)
  'not-enrolled',
  'already-enrolled',
  'sync-failed',
  // browser-mode host and bounded files (issue 13)
  'host-not-allowed',
  'origin-not-allowed',
  'import-too-large',
  // demo data never becomes real (issue 13)
  'demo-cannot-enroll',
  'demo-account',
  // payment batches (issue 12): a confirmed batch is frozen
  'batch-frozen',
  // the backend's worker thread stopped; the host restarts it (issue 14)
  'backend-restarting',
  // one truth per household (issue 18): a programme category comes from an enrolment, never a tag
  'programme-by-enrolment',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path the error is about, e.g. "members.1.idNumber". */
  field?: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  static fromBody(body: ApiErrorBody): AppError {
    return new AppError(body.code, body.message, { field: body.field, details: body.details });
  }
}

export function isApiErrorBody(v: unknown): v is ApiErrorBody {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ApiErrorBody).code === 'string' &&
    typeof (v as ApiErrorBody).message === 'string'
  );
}
