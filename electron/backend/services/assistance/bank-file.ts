/**
 * The bank file (银行代发文件) of a confirmed payment batch, built from its frozen rows only, so
 * that exporting it again gives the same bytes.
 *
 * Format: CSV, UTF-8 with a byte-order mark, lines ended by CRLF, comma-separated; a field holding
 * a comma, a double quote or a line break is quoted ("…", inner quotes doubled). The first line is
 * the header `序号,银行账号,姓名,金额,身份证号`; then one line per payee (enrolment) in the order of
 * its first row in the batch: a running number from 1, the bank account, the name, the net amount
 * of the batch for the payee (regular plus 补发 minus 扣回) in yuan with two decimals and no
 * thousands separator, and the ID number. A payee whose net amount is 0 or less is not paid by the
 * bank (a 扣回 larger than the month's payment is recovered by the street) and has no line. The file
 * ends with a CRLF.
 */
import type { FullBatchRow } from './batch-rows';

const BOM = '\uFEFF';
const CRLF = '\r\n';

function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

export interface BankLine {
  account: string;
  name: string;
  amountFen: number;
  idNumber: string;
}

/** One line per payee with a positive net amount, in the order of the payee's first row. */
export function bankLines(rows: FullBatchRow[]): BankLine[] {
  const byPayee = new Map<string, BankLine>();
  for (const r of rows) {
    const line = byPayee.get(r.enrolmentId) ?? { account: r.bankAccount ?? '', name: r.name ?? '', amountFen: 0, idNumber: r.idNumber ?? '' };
    line.amountFen += r.amountFen;
    byPayee.set(r.enrolmentId, line);
  }
  return [...byPayee.values()].filter((l) => l.amountFen > 0);
}

export function bankFileBytes(rows: FullBatchRow[]): Buffer {
  const lines = ['序号,银行账号,姓名,金额,身份证号'];
  bankLines(rows).forEach((l, i) => lines.push([String(i + 1), l.account, l.name, yuan(l.amountFen), l.idNumber].map(field).join(',')));
  return Buffer.from(BOM + lines.join(CRLF) + CRLF, 'utf8');
}
