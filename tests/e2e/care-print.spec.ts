/**
 * Printing of care documents in browser mode with Chromium's PDF output: the agreement (A4, page
 * numbers), eight cards on one A4 sheet and a single 85.6 × 54 mm card; text checked with pdftotext,
 * sizes with pdfinfo, the QR code read back from the rendered page, PNGs saved for a human look.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, ARTIFACTS } from './fixtures';
import { startOwnApp, type OwnApp } from '../support/own-app';
import { caller, prepareCards, setCareSubsidies, type PreparedCard } from '../support/care-data';
import { readQrFromPpm, readQrWithJsqr } from '../support/qr-image';
import { cardCode } from '../../shared/care/card-code';
import { initializeStreet, signIn } from '../support/street-setup';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };
const OUT = path.resolve(ARTIFACTS, '../pdf');

test.describe.configure({ mode: 'serial' });

// Its own backend: the data below (counts, order on the board) must not meet other spec files' data.
let app: OwnApp;
test.beforeAll(async () => {
  app = await startOwnApp();
});
test.afterAll(async () => {
  await app?.close();
});

function pdfInfo(file: string): { pages: number; sizes: string[] } {
  const out = execFileSync('pdfinfo', ['-l', '99', file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)![1]);
  const sizes = [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => `${m[1]}x${m[2]}`);
  return { pages, sizes };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pngs(file: string, prefix: string, dpi = 110): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(OUT, prefix)]);
}

const mmToPt = (mm: number) => (mm * 72) / 25.4;
/** Within 1.5 pt (about 0.5 mm) of w × h millimetres. */
function expectSize(size: string, wMm: number, hMm: number) {
  const [w, h] = size.split('x').map(Number) as [number, number];
  expect(Math.abs(w - mmToPt(wMm)), `width of ${size}`).toBeLessThan(1.5);
  expect(Math.abs(h - mmToPt(hMm)), `height of ${size}`).toBeLessThan(1.5);
}

test('care documents print to PDF with Chromium', async ({ page }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(OUT, { recursive: true });
  const token = await initializeStreet(app.backend, ADMIN);
  setCareSubsidies(app.backend, '120110001000');
  // The last card is issued with nothing optional filled in: its blanks must print as blanks.
  const cards: PreparedCard[] = await prepareCards(caller(app.backend, token), 9, { longAddress: true, blankAt: 8 });

  await signIn(page, app.url, ADMIN);
  await page.emulateMedia({ media: 'print' });

  async function printPdf(hash: string, file: string) {
    await page.goto(`${app.url}/${hash}`);
    await page.reload();
    await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  }

  // The agreement: A4, page numbering, parties filled in.
  const agreementPdf = path.join(OUT, 'care-agreement.pdf');
  await printPdf(`#/print/care-agreement?id=${cards[0]!.agreementId}&mode=pdf`, agreementPdf);
  const ai = pdfInfo(agreementPdf);
  expect(ai.pages).toBeGreaterThanOrEqual(2);
  for (const s of ai.sizes) expectSize(s, 210, 297);
  const at = pdfText(agreementPdf);
  expect(at).toContain('分散供养特困人员委托照料服务协议');
  expect(at).toContain(cards[0]!.personName);
  expect(at).toContain(cards[0]!.caregiverName);
  expect(at).toContain('张贵庄街道公共服务办公室');
  for (let p = 1; p <= ai.pages; p++) {
    expect(at).toMatch(new RegExp(`第\\s*${p}\\s*页\\s*共\\s*${ai.pages}\\s*页`));
    // The agreement's number heads every page.
    const page = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), agreementPdf, '-'], { encoding: 'utf8' });
    expect(page, `page ${p}`).toMatch(/协议编号：XY-120110001000-\d{4}-\d{2}-\d{4}/);
  }
  // The person signs as 丙方: one row for both roles, no label spilling out of its cell.
  expect(at).toContain('丙方／供养对象');
  const parties = at.slice(0, at.indexOf(cards[0]!.caregiverName) + 400);
  expect(parties.split(cards[0]!.personName).length - 1, 'the person once in the parties').toBe(1);
  expect(at).toMatch(/监督电话：/);
  pngs(agreementPdf, 'agreement');

  // Eight cards on one A4 sheet (the ninth goes to a second sheet).
  const sheetPdf = path.join(OUT, 'care-cards-a4-8up.pdf');
  await printPdf(`#/print/care-cards?ids=${cards.map((c) => c.cardId).join(',')}&layout=a4-8up&mode=pdf`, sheetPdf);
  const si = pdfInfo(sheetPdf);
  expect(si.pages).toBe(2);
  for (const s of si.sizes) expectSize(s, 210, 297);
  const st = pdfText(sheetPdf);
  for (const c of cards) {
    expect(st).toContain(c.cardNumber);
    expect(st).toContain(c.personName);
  }
  // Nothing invented for blanks: no placeholder plan, the contact only where one was entered.
  expect(st).not.toContain('见应急预案');
  expect(st.split('王民政').length - 1).toBe(8);
  pngs(sheetPdf, 'cards-a4');

  // A single card: 85.6 × 54 mm, and its QR code reads back to the record link.
  const singlePdf = path.join(OUT, 'care-card-single.pdf');
  await printPdf(`#/print/care-cards?ids=${cards[0]!.cardId}&layout=single&mode=pdf`, singlePdf);
  const box = (await page.locator('.card-qr').first().boundingBox())!;
  const ci = pdfInfo(singlePdf);
  expect(ci.pages).toBe(1);
  expectSize(ci.sizes[0]!, 85.6, 54);
  expect(pdfText(singlePdf)).toContain(cards[0]!.cardNumber);
  pngs(singlePdf, 'card-single', 300);
  execFileSync('pdftoppm', ['-r', '600', singlePdf, path.join(OUT, 'card-single-qr')]);
  const ppm = fs.readdirSync(OUT).find((f) => f.startsWith('card-single-qr') && f.endsWith('.ppm'))!;
  const px = 600 / 96;
  const region = { x: box.x * px - 10, y: box.y * px - 10, w: box.width * px + 20, h: box.height * px + 20 };
  const code = cardCode(cards[0]!.cardNumber);
  expect(readQrFromPpm(fs.readFileSync(path.join(OUT, ppm)), region)).toBe(code);
  expect(readQrWithJsqr(fs.readFileSync(path.join(OUT, ppm)), region)).toBe(code);

  // The code, scanned into the search box (a scanner types it and presses Enter), opens the card holder.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(app.url);
  await page.getByTestId('wb-households').click(); // the search box is the household list's, one click from the 工作台
  await page.getByLabel('搜索').fill(code);
  await page.getByLabel('搜索').press('Enter');
  await expect(page.getByText(cards[0]!.personName).first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/care/person/${cards[0]!.personId}$`));

  // The card with blanks: the preview lists what is missing, and printing asks first.
  await page.goto(`${app.url}/#/care/person/${cards[8]!.personId}`);
  await page.getByTestId('card-section').getByRole('button', { name: '打印预览' }).click();
  await expect(page.getByTestId('missing-fields')).toContainText('街道联系人、街道联系电话、应急预案');
  await page.getByTestId('print-button').click();
  await expect(page.getByTestId('missing-confirm')).toBeVisible();
  await page.getByRole('button', { name: '返回补填' }).click();
  await expect(page.getByTestId('missing-confirm')).toBeHidden();

  // Every print above is an audit event.
  const audit = await app.backend.call('audit.list', { action: 'care.exportPdf' }, token);
  expect(audit.ok && (audit.result as { total: number }).total).toBeGreaterThanOrEqual(3);
});
