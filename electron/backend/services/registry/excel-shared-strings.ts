/**
 * ExcelJS's streaming writer builds xl/sharedStrings.xml in one piece as the workbook commits: for
 * the 100,000-person street that is one uninterrupted stretch of over a second (every distinct
 * name, address and ID number). This writes the very same text a chunk of strings at a time into
 * the zip entry, with a turn of the event loop between chunks: the file's bytes do not change
 * (the zip entry is deflated either way; deflate's output does not depend on how its input is cut).
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import XmlStream from 'exceljs/lib/utils/xml-stream.js';
import SharedStringXform from 'exceljs/lib/xlsx/xform/strings/shared-string-xform.js';

/** Strings rendered between two turns (a few milliseconds' work). */
const STRINGS_PER_CHUNK = 5000;
const CLOSE = '</sst>';

/** What ExcelJS's WorkbookWriter keeps of its shared strings (its SharedStrings model). */
export interface SharedStringsModel {
  count: number;
  values: unknown[];
}

/** The text of sharedStrings.xml in pieces, as ExcelJS's SharedStringsXform renders it whole. */
export function* sharedStringsXml(model: SharedStringsModel, perChunk = STRINGS_PER_CHUNK): Generator<string> {
  const head = new XmlStream();
  head.openXml(XmlStream.StdDocAttributes);
  head.openNode('sst', { xmlns: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', count: model.count, uniqueCount: model.values.length });
  head.writeText(''); // closes the open tag: the first string would
  yield head.xml.slice(0, -CLOSE.length);
  const si = new SharedStringXform();
  for (let i = 0; i < model.values.length; i += perChunk) {
    const xs = new XmlStream();
    for (const v of model.values.slice(i, i + perChunk)) si.render(xs, v);
    yield xs.xml;
  }
  yield CLOSE;
}

interface WriterInternals {
  sharedStrings: SharedStringsModel;
  zip: { append(source: NodeJS.ReadableStream, data: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

/** Makes the writer's commit write its shared strings in chunks, taking `turn()` between them. */
export function sharedStringsInTurns(wb: ExcelJS.stream.xlsx.WorkbookWriter, turn: () => Promise<void>): void {
  const w = wb as unknown as WriterInternals;
  w.addSharedStrings = async () => {
    if (!w.sharedStrings.count) return;
    // Appended now, in the place of the entry ExcelJS would append, so the zip's order is kept.
    const stream = new PassThrough();
    w.zip.append(stream, { name: '/xl/sharedStrings.xml' });
    for (const piece of sharedStringsXml(w.sharedStrings)) {
      stream.write(piece);
      await turn();
    }
    stream.end();
  };
}
