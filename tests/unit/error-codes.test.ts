/**
 * One error vocabulary (issue 14): every code the sources throw or answer is in the table of
 * shared/errors.ts, each with a Chinese message and what the user should do; `conflict`, which
 * said two dozen unrelated things, is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, sourceFiles } from '../support/source-files';
import { ERRORS, errorText } from '../../shared/errors';

const root = REPO_ROOT;
const CHINESE = /[\u4e00-\u9fff]/;

const sources = sourceFiles;

/**
 * Codes as written where an error is made: new AppError('x', …), failure('x', …) (the hosts'
 * envelopes), error: { code: 'x' … } and a guard's { status: 4xx, code: 'x' }.
 */
const THROWN = [
  /\bAppError\(\s*'([^']+)'/g,
  /\bfailure\(\s*'([^']+)'/g,
  /\berror:\s*\{\s*code:\s*'([^']+)'/g,
  /\bstatus:\s*\d+\s*,\s*code:\s*'([^']+)'/g,
];

function thrownCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of ['electron', 'renderer', 'shared']) {
    for (const file of sources(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const re of THROWN) {
        for (const m of text.matchAll(re)) {
          const where = path.relative(root, file);
          found.set(m[1]!, [...(found.get(m[1]!) ?? []), where]);
        }
      }
    }
  }
  return found;
}

describe('the error vocabulary', () => {
  test('every code thrown anywhere is in the table', () => {
    const found = thrownCodes();
    // The scan sees the throwers (a scan that finds nothing would pass anything).
    for (const code of ['invalid-input', 'invalid-transition', 'duplicate', 'busy', 'not-found']) expect(found.has(code)).toBe(true);
    const unknown = [...found].filter(([code]) => !(code in ERRORS)).map(([code, files]) => `${code}: ${[...new Set(files)].join(', ')}`);
    expect(unknown).toEqual([]);
  });

  test('each code has a Chinese message and says what the user should do', () => {
    for (const [code, info] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(info.message, code).toMatch(CHINESE);
      expect(info.action, code).toMatch(CHINESE);
    }
    expect('conflict' in ERRORS).toBe(false);
  });

  test('a step not allowed from the current status is invalid-transition in the ledger, assistance and care alike', () => {
    const byCode = thrownCodes();
    const areas = (byCode.get('invalid-transition') ?? []).map((f) => f.split(path.sep).slice(0, 4).join('/'));
    for (const area of ['electron/backend/services/assistance', 'electron/backend/services/care', 'electron/backend/services/ledger']) {
      expect(areas).toContain(area);
    }
  });

  test('the window shows the message with what to do, once', () => {
    expect(errorText('busy', '数据库正忙')).toBe('数据库正忙。请稍等片刻后重试。');
    expect(errorText('nothing-to-do', '该申请没有待补材料')).toBe('该申请没有待补材料。请核对所选的记录；无需再办理。');
    expect(errorText('in-use', '本机还有其他记录引用该记录，无法撤销；请先处理相关记录')).toBe('本机还有其他记录引用该记录，无法撤销；请先处理相关记录');
    expect(errorText('some-newer-code', '新的原因')).toBe('新的原因');
  });
});
