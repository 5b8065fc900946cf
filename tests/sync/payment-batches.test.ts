/**
 * Payment batches through sync (issue 12), with the real district server over HTTP: a confirmed
 * batch and its frozen rows travel like every record, and the server refuses any pushed change that
 * would alter a stored batch row, delete it, or change a confirmed batch's frozen fields
 * (payment-batch-frozen); repeating stored values is accepted; the server's rows stay as they were.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeReplica, rows, startServer, STREET_A, actorOf, type Replica, type TestServer } from './harness';
import { rawDevice, type RawDevice } from './raw-device';
import { syncRows } from '../../server/db/schema';
import type { Change } from '../../shared/sync/wire';
import { batchIdOf, batchRowIdOf } from '../../electron/backend/services/assistance/batch-ids';

let server: TestServer;
let pc: Replica;
let other: Replica;
let dev: RawDevice;
let n = 0;
const batchId = batchIdOf(STREET_A, 'dibao', '2026-04');
const rowId = batchRowIdOf(batchId, 'regular', '2026-04', 'enrolment-1');

beforeAll(async () => {
  server = await startServer();
  pc = await makeReplica(server, 'batchpc', STREET_A);
  other = await makeReplica(server, 'otherpc', STREET_A);
  dev = await rawDevice(server, STREET_A, 'evilpc');
  // A batch confirmed on one PC, as confirmBatch writes it: the rows, then the batch's frozen fields.
  const store = pc.backend.store;
  const actor = actorOf(STREET_A);
  store.insert('payment_batches', { id: batchId, streetCode: STREET_A, programme: 'dibao', month: '2026-04', status: 'pending', generatedAt: store.nowIso(), generatedBy: 'admin' }, actor, null);
  store.insert(
    'payment_batch_rows',
    {
      id: rowId, streetCode: STREET_A, batchId, seq: 1, kind: 'regular', forMonth: '2026-04', enrolmentId: 'enrolment-1', householdId: 'household-1',
      personId: null, name: '赵大', idNumber: null, community: '詹滨西里社区', address: '詹滨西里1号', coveredPersons: 2, amountFen: 209000,
      basis: 'standard', figures: { standardFen: 104500 }, reason: null, sourceRef: null, bankName: '天津农商银行', bankAccount: '6221000000001',
    },
    actor,
    null,
  );
  store.update('payment_batches', batchId, { status: 'confirmed', confirmedAt: store.nowIso(), confirmedBy: 'admin', rowCount: 1, totalFen: 209000, digest: 'a'.repeat(64) }, actor, null);
  await pc.sync();
  await other.sync();
}, 120_000);
afterAll(async () => {
  pc?.close();
  other?.close();
  await server?.close();
});

function change(table: string, id: string, fields: Change['fields']): Change {
  return { hlc: dev.hlc(Date.now(), ++n), node: dev.node, table, rowId: id, partition: STREET_A, fields };
}

async function serverRow(table: string, id: string) {
  const [r] = await server.opened.db.select().from(syncRows).where(and(eq(syncRows.tableName, table), eq(syncRows.rowId, id)));
  return r!.fields;
}

const V2 = { 'x-sync-reasons': '2' };

describe('payment batches through sync', () => {
  test('a confirmed batch and its rows reach the other PCs of the street', () => {
    expect(rows(other, 'payment_batches')).toEqual([expect.objectContaining({ id: batchId, status: 'confirmed', total_fen: 209000 })]);
    expect(rows(other, 'payment_batch_rows')).toEqual([expect.objectContaining({ id: rowId, amount_fen: 209000, figures: '{"standardFen":104500}' })]);
  });

  test('the server refuses a change to a frozen row, its deletion, or a change to a confirmed batch; the same values pass', async () => {
    const rowBefore = await serverRow('payment_batch_rows', rowId);
    const batchBefore = await serverRow('payment_batches', batchId);
    const amount = change('payment_batch_rows', rowId, { amount_fen: 1 });
    const erase = change('payment_batch_rows', rowId, { deleted_at: new Date().toISOString() });
    const total = change('payment_batches', batchId, { total_fen: 1 });
    const reopen = change('payment_batches', batchId, { status: 'pending' });
    const undelete = change('payment_batches', batchId, { deleted_at: new Date().toISOString() });
    const same = change('payment_batch_rows', rowId, { amount_fen: 209000 });
    const paid = change('payment_batches', batchId, { status: 'paid', paid_at: new Date().toISOString(), paid_by: 'admin', bank_file_digest: 'b'.repeat(64) });
    const res = await dev.push({ changes: [amount, erase, total, reopen, undelete, same, paid] }, V2);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([
      expect.objectContaining({ hlc: amount.hlc, code: 'payment-batch-frozen', field: 'amount_fen' }),
      expect.objectContaining({ hlc: erase.hlc, code: 'payment-batch-frozen', field: 'deleted_at' }),
      expect.objectContaining({ hlc: total.hlc, code: 'payment-batch-frozen', field: 'total_fen' }),
      expect.objectContaining({ hlc: reopen.hlc, code: 'payment-batch-frozen', field: 'status' }),
      expect.objectContaining({ hlc: undelete.hlc, code: 'payment-batch-frozen', field: 'deleted_at' }),
    ]);
    expect(res.body.accepted).toEqual([same.hlc, paid.hlc]);
    expect(await serverRow('payment_batch_rows', rowId)).toEqual(rowBefore);
    const { status: _s, paid_at: _pa, paid_by: _pb, bank_file_digest: _d, updated_at: _u, ...frozen } = batchBefore;
    expect(await serverRow('payment_batches', batchId)).toMatchObject({ ...frozen, status: 'paid', paid_by: 'admin' });

    // once paid, the payment fields are frozen too
    const repaid = change('payment_batches', batchId, { bank_file_digest: 'c'.repeat(64) });
    const back = change('payment_batches', batchId, { status: 'confirmed' });
    const again = await dev.push({ changes: [repaid, back] }, V2);
    expect(again.body.rejected).toEqual([
      expect.objectContaining({ hlc: repaid.hlc, code: 'payment-batch-frozen', field: 'bank_file_digest' }),
      expect.objectContaining({ hlc: back.hlc, code: 'payment-batch-frozen', field: 'status' }),
    ]);
    // an older client is told the legacy code it knows
    const legacy = await dev.push({ changes: [change('payment_batch_rows', rowId, { name: '钱二' })] });
    expect(legacy.body.rejected[0]).toMatchObject({ code: 'partition-forbidden' });
  });

  test('a new row for a batch the server holds confirmed is refused; rows of a pending batch are not', async () => {
    const at = new Date().toISOString();
    const rowFields = (id: string, batch: string) => ({
      id, created_at: at, updated_at: at, deleted_at: null, street_code: STREET_A, batch_id: batch, seq: 2, kind: 'regular', for_month: '2026-04',
      enrolment_id: 'enrolment-2', household_id: 'household-2', person_id: null, name: '孙三', id_number: null, community: '詹滨西里社区',
      address: '詹滨西里2号', covered_persons: 1, amount_fen: 104500, basis: 'standard', figures: null, reason: null, source_ref: null,
      bank_name: null, bank_account: null,
    });
    const extraId = batchRowIdOf(batchId, 'regular', '2026-04', 'enrolment-2');
    const extra = change('payment_batch_rows', extraId, rowFields(extraId, batchId));
    const mayId = batchIdOf(STREET_A, 'dibao', '2026-05');
    const may = change('payment_batches', mayId, { id: mayId, created_at: at, updated_at: at, deleted_at: null, street_code: STREET_A, programme: 'dibao', month: '2026-05', status: 'pending', generated_at: at, generated_by: 'admin', confirmed_at: null, confirmed_by: null, paid_at: null, paid_by: null, row_count: null, total_fen: null, digest: null, bank_file_digest: null });
    const mayRowId = batchRowIdOf(mayId, 'regular', '2026-05', 'enrolment-2');
    const mayRow = change('payment_batch_rows', mayRowId, rowFields(mayRowId, mayId));
    const res = await dev.push({ changes: [extra, may, mayRow] }, V2);
    expect(res.body.rejected).toEqual([expect.objectContaining({ hlc: extra.hlc, code: 'payment-batch-frozen', field: 'batch_id' })]);
    expect(res.body.accepted).toEqual([may.hlc, mayRow.hlc]);
  });

  test('the PCs pull the accepted change and keep the frozen row as it was', async () => {
    await other.sync();
    expect(rows(other, 'payment_batches').find((b) => b.id === batchId)).toMatchObject({ status: 'paid', total_fen: 209000, bank_file_digest: 'b'.repeat(64) });
    expect(rows(other, 'payment_batch_rows').filter((r) => r.batch_id === batchId)).toEqual([
      expect.objectContaining({ id: rowId, amount_fen: 209000, deleted_at: null, name: '赵大' }),
    ]);
  });
});
