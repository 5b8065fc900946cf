/**
 * print-cards: 1,000 care-service cards rendered to PDF through the app's print route (data from the
 * API, QR codes encoded in the page, fonts embedded), compared in the same run with Chromium printing
 * a static HTML page of the same 1,000 cards (the print route's finished DOM, saved without scripts).
 * Target: within 2× of the static page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createBackend } from '../../electron/backend/app';
import { startWebHost } from '../../electron/backend/web-host/server';
import { caller, prepareCards, setCareSubsidies } from '../support/care-data';
import type { Bench, BenchResult } from './lib';

const CARDS = Number(process.env.PRINT_CARDS_N ?? 1000);
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');

function log(msg: string) {
  process.stderr.write(`[print-cards] ${msg}\n`);
}

export const printCardsBench: Bench = { name: 'print-cards', run: () => run() };

async function run(): Promise<BenchResult> {
  // Always measure the current renderer (set PRINT_CARDS_NO_BUILD=1 to reuse dist/).
  if (process.env.PRINT_CARDS_NO_BUILD !== '1' || !fs.existsSync(path.join(dist, 'index.html'))) {
    log('building the renderer…');
    execFileSync('npx', ['vite', 'build'], { stdio: 'ignore', cwd: path.resolve(here, '../..') });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-'));
  const backend = createBackend({ dataDir, logError: () => undefined });
  const host = await startWebHost({ backend, distDir: dist, port: 0 });
  const staticFile = path.join(dist, `bench-static-${process.pid}.html`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const setUp = await backend.call(
      'setup.initialize',
      { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' } },
      null,
    );
    if (!setUp.ok) throw new Error(setUp.error.message);
    const token = (setUp.result as { token: string }).token;
    setCareSubsidies(backend, '120110001000');
    const t0 = Date.now();
    const cards = await prepareCards(caller(backend, token), CARDS);
    log(`prepared ${CARDS} persons with signed agreements and cards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const page = await browser.newPage();
    await page.goto(host.url);
    await page.evaluate((t) => sessionStorage.setItem('doudi.token', t), token);
    await page.emulateMedia({ media: 'print' });
    const hash = `#/print/care-cards?ids=${cards.map((c) => c.cardId).join(',')}&layout=a4-8up&mode=pdf`;

    // Warm-up: fonts and code in the HTTP cache for both runs alike.
    await page.goto(`${host.url}/${hash.replace(/ids=[^&]+/, `ids=${cards[0]!.cardId}`)}`);
    await page.reload();
    await page.waitForSelector('html[data-print-ready="true"]', { timeout: 60_000, state: 'attached' });
    await page.goto('about:blank');

    const a0 = performance.now();
    await page.goto(`${host.url}/${hash}`);
    await page.waitForSelector('html[data-print-ready="true"]', { timeout: 300_000, state: 'attached' });
    const appPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const appMs = performance.now() - a0;

    // The same cards as a static page: the finished DOM, scripts removed, assets from the same host.
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      doc.querySelectorAll('script').forEach((s) => s.remove());
      doc.querySelectorAll('meta[http-equiv]').forEach((m) => m.remove());
      return `<!doctype html>${doc.outerHTML}`;
    });
    fs.writeFileSync(staticFile, html);
    const s0 = performance.now();
    await page.goto(`${host.url}/${path.basename(staticFile)}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const staticPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const staticMs = performance.now() - s0;

    const ratio = appMs / staticMs;
    const summary = [
      `print-cards: ${CARDS} cards on ${Math.ceil(CARDS / 8)} A4 sheets`,
      `app print route: ${(appMs / 1000).toFixed(2)} s, ${appPdf.length} bytes; static page: ${(staticMs / 1000).toFixed(2)} s, ${staticPdf.length} bytes; ratio ${ratio.toFixed(2)} (target ≤ 2)`,
    ];
    const json = {
      bench: 'print-cards',
      cards: CARDS,
      sheets: Math.ceil(CARDS / 8),
      appMs: Math.round(appMs),
      staticMs: Math.round(staticMs),
      appPdfBytes: appPdf.length,
      staticPdfBytes: staticPdf.length,
      ratio: Number(ratio.toFixed(3)),
      target: 2,
      pass: ratio <= 2,
    };
    return { json, summary };
  } finally {
    await browser.close();
    await host.close();
    backend.close();
    fs.rmSync(staticFile, { force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
