/**
 * The print page of a print route, outside the app frame. It records the print (audit), loads the
 * document, waits for the embedded fonts and marks <html data-print-ready="true"> (or "error") for the
 * Electron shell's print helper and for tests; with autoprint=1 it opens the browser's print dialog.
 */
import { useEffect, useState } from 'react';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import './print.css';
import { api, errorMessage } from '../api/client';
import type { AgreementPrint, CardPrint } from '../../../shared/care/types';
import type { AccountingSheet } from '../../../shared/assistance/types';
import { AccountingSheetDoc } from './AccountingSheetDoc';
import { AgreementDoc, agreementPageCss } from './AgreementDoc';
import { CardSheets, pageCss } from './CardSheets';
import { parsePrintRoute, type PrintRoute } from './print-route';

type Loaded = { kind: 'cards'; cards: CardPrint[] } | { kind: 'agreement'; doc: AgreementPrint } | { kind: 'accounting'; doc: AccountingSheet };

async function load(route: PrintRoute): Promise<Loaded> {
  if (route.doc === 'invalid') throw new Error(route.reason);
  if (route.doc === 'care-cards') {
    await api.call('care.recordPrint', { document: 'care-cards', ids: route.ids, mode: route.mode, layout: route.layout });
    return { kind: 'cards', cards: await api.call('care.cardPrintData', { ids: route.ids }) };
  }
  if (route.doc === 'accounting-sheet') {
    // The sheet's data call records the print.
    return { kind: 'accounting', doc: await api.call('assistance.accountingSheet', { id: route.id, mode: route.mode }) };
  }
  await api.call('care.recordPrint', { document: 'care-agreement', ids: [route.id], mode: route.mode });
  return { kind: 'agreement', doc: await api.call('care.agreementPrintData', { id: route.id }) };
}

function setReady(value: 'true' | 'error') {
  document.documentElement.dataset.printReady = value;
}

export function PrintRoot({ hash }: { hash: string }) {
  const [route] = useState(() => parsePrintRoute(hash));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    delete document.documentElement.dataset.printReady;
    load(route)
      .then(setLoaded)
      .catch((e: unknown) => {
        setError(errorMessage(e));
        setReady('error');
      });
  }, [route]);

  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (cancelled) return;
          setReady('true');
          if (route.doc !== 'invalid' && route.autoprint) window.print();
        }),
      ),
    );
    return () => {
      cancelled = true;
    };
  }, [loaded, route]);

  if (error) {
    return (
      <div role="alert" style={{ padding: 32, fontSize: 16 }}>
        无法生成打印文档：{error}
      </div>
    );
  }
  if (!loaded) return <div style={{ padding: 32 }}>正在准备打印文档…</div>;
  const css = loaded.kind === 'cards' && route.doc === 'care-cards' ? pageCss(route.layout) : loaded.kind === 'agreement' ? agreementPageCss(loaded.doc.agreementNumber) : agreementPageCss(null);
  return (
    <div className="print-root">
      <style>{css}</style>
      {loaded.kind === 'cards' && route.doc === 'care-cards' ? (
        <CardSheets cards={loaded.cards} layout={route.layout} />
      ) : loaded.kind === 'accounting' ? (
        <div className="agreement-screen">
          <AccountingSheetDoc doc={loaded.doc} />
        </div>
      ) : loaded.kind === 'agreement' ? (
        <div className="agreement-screen">
          <AgreementDoc doc={loaded.doc} />
        </div>
      ) : null}
    </div>
  );
}
