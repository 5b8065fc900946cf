import { describe, expect, test } from 'vitest';
import { accountingSheetPrintHash, agreementPrintHash, cardsPrintHash, isPrintHash, parsePrintRoute } from './print-route';

describe('print routes', () => {
  test('cards: ids, layout and mode', () => {
    const h = cardsPrintHash(['a', 'b'], 'single', { mode: 'pdf' });
    expect(h).toBe('#/print/care-cards?ids=a,b&layout=single&mode=pdf');
    expect(isPrintHash(h)).toBe(true);
    expect(parsePrintRoute(h)).toEqual({ doc: 'care-cards', ids: ['a', 'b'], layout: 'single', mode: 'pdf', autoprint: false });
    expect(parsePrintRoute('#/print/care-cards?ids=x')).toMatchObject({ layout: 'a4-8up', mode: 'print' });
  });
  test('agreement and invalid routes', () => {
    expect(parsePrintRoute(agreementPrintHash('z', { autoprint: '1' }))).toEqual({ doc: 'care-agreement', id: 'z', mode: 'print', autoprint: true });
    expect(parsePrintRoute('#/print/care-cards?ids=')).toMatchObject({ doc: 'invalid' });
    expect(parsePrintRoute('#/print/other')).toMatchObject({ doc: 'invalid' });
    expect(isPrintHash('#/households')).toBe(false);
  });
  test('accounting sheet (核算单)', () => {
    expect(parsePrintRoute(accountingSheetPrintHash('e1', { mode: 'pdf' }))).toEqual({ doc: 'accounting-sheet', id: 'e1', mode: 'pdf', autoprint: false });
    expect(parsePrintRoute('#/print/accounting-sheet')).toMatchObject({ doc: 'invalid' });
  });
});
