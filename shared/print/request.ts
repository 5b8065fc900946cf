/**
 * The print request the renderer sends to the Electron shell (the preload's doudi.print): which print route,
 * how (printer dialog, silently to the default printer, or a PDF file), and the session that may read
 * the document's data. Main checks the shape here before it opens anything.
 */
export type ShellPrintMode = 'dialog' | 'silent' | 'pdf';

export interface ShellPrintRequest {
  /** A print route hash, e.g. '#/print/care-cards?ids=a,b&layout=a4-8up&mode=print'. */
  hash: string;
  mode: ShellPrintMode;
  /** The signed-in session; the hidden print page reads the document with it. */
  token: string;
  /** File name offered in the save dialog for a PDF (without folder). */
  fileName?: string;
}

export type ShellPrintResult =
  | { kind: 'printed' }
  | { kind: 'cancelled' }
  | { kind: 'saved'; path: string };

export type ShellPrintEnvelope = { ok: true; result: ShellPrintResult } | { ok: false; error: { code: string; message: string } };

const PRINT_HASH = /^#\/print\/(care-cards|care-agreement|accounting-sheet)\?[A-Za-z0-9_\-.,=&%]*$/;
const MODES: readonly ShellPrintMode[] = ['dialog', 'silent', 'pdf'];
export const MAX_PRINT_HASH_LENGTH = 40_000;

/** A file name safe on Windows and Linux: no folders, no reserved characters, ends in .pdf. */
export function safePdfName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\.pdf$/i, '')
    .trim()
    .slice(0, 80);
  return `${cleaned || fallback}.pdf`;
}

/** The request if `payload` has the expected shape, else null. */
export function parseShellPrintRequest(payload: unknown): ShellPrintRequest | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const { hash, mode, token, fileName } = payload as Record<string, unknown>;
  if (typeof hash !== 'string' || hash.length > MAX_PRINT_HASH_LENGTH || !PRINT_HASH.test(hash)) return null;
  if (typeof mode !== 'string' || !MODES.includes(mode as ShellPrintMode)) return null;
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  if (fileName !== undefined && typeof fileName !== 'string') return null;
  return { hash, mode: mode as ShellPrintMode, token, ...(typeof fileName === 'string' ? { fileName } : {}) };
}
