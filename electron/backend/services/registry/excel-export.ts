/**
 * Export of the filtered household list as .xlsx: sheet 家庭名单 (one row per household) and sheet
 * 成员名单 (one row per member). The export is for the district, so ID numbers and bank accounts are
 * written in full (as text cells); every export is recorded as an audit event 'registry.export'.
 * The rows are read a chunk of households at a time and the workbook is streamed, so 40,000
 * households export without holding them, or an Excel object model, in memory.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type Database from 'better-sqlite3-multiple-ciphers';
import {
  ASSISTANCE_CATEGORIES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUSES,
  ETHNICITIES,
  HEALTH_STATUSES,
  HOUSEHOLD_STATUSES,
  HUKOU_TYPES,
  labelOf,
  LABOUR_CAPACITIES,
  RELATIONS,
  SELF_CARE_LEVELS,
  disabilityCardNumber,
} from '../../../../shared/codes';
import { ageOn } from '../../../../shared/id-number';
import type { HouseholdFilter } from '../../../../shared/registry/schemas';
import type { FileOut } from '../../../../shared/registry/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import {
  collectingStream,
  columnLetter,
  fileDate,
  inertRow,
  safeFileName,
  shanghaiDateTime,
  streetName,
  styleHeaderRow,
  TEXT_FORMAT,
  toFileOut,
} from './excel-cells';
import { householdWhere } from './read';
import { countableMonthlyFen, parseCategories, parseIncomes } from './rows';
import { categoriesSql } from '../assistance/programme-categories';
import { withReadSnapshot } from '../../store/read-snapshot';
import { turnTaker } from '../../store/turns';
import { sharedStringsInTurns } from './excel-shared-strings';
import { fixZipDates } from '../files/fixed-zip-dates';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface SheetColumn {
  header: string;
  width: number;
  /** Kept as text in Excel (ID numbers, accounts, phones). */
  text?: boolean;
  numFmt?: string;
}

export const HOUSEHOLD_SHEET = '家庭名单';
export const MEMBER_SHEET = '成员名单';

export const HOUSEHOLD_COLUMNS: SheetColumn[] = [
  { header: '户主姓名', width: 10 },
  { header: '户主身份证号', width: 21, text: true },
  { header: '社区', width: 16 },
  { header: '网格', width: 12 },
  { header: '家庭住址', width: 32 },
  { header: '户籍类型', width: 10 },
  { header: '联系电话', width: 14, text: true },
  { header: '人数', width: 6 },
  { header: '救助类别', width: 24 },
  { header: '状态', width: 8 },
  { header: '开户银行', width: 18 },
  { header: '银行账号', width: 24, text: true },
  { header: '更新时间', width: 17 },
];

export const MEMBER_COLUMNS: SheetColumn[] = [
  { header: '家庭住址', width: 32 },
  { header: '户主姓名', width: 10 },
  { header: '姓名', width: 10 },
  { header: '身份证号码', width: 21, text: true },
  { header: '性别', width: 6 },
  { header: '出生日期', width: 11 },
  { header: '年龄', width: 6 },
  { header: '与户主关系', width: 11 },
  { header: '民族', width: 8 },
  { header: '健康状况', width: 10 },
  { header: '残疾类别', width: 10 },
  { header: '残疾等级', width: 10 },
  { header: '残疾人证号', width: 23, text: true },
  { header: '自理能力', width: 20 },
  { header: '劳动能力', width: 16 },
  { header: '从业状况', width: 11 },
  { header: '月收入(元)', width: 12, numFmt: '#,##0.00' },
  { header: '联系电话', width: 14, text: true },
];

interface HouseholdOut {
  id: string;
  address: string;
  hukou_type: string;
  phone: string | null;
  bank_name: string | null;
  bank_account: string | null;
  categories: string;
  status: string;
  updated_at: string;
  community_name: string;
  grid_name: string | null;
}

interface MemberOut {
  household_id: string;
  name: string;
  id_number: string;
  sex: 'male' | 'female';
  birth_date: string;
  relation: string;
  ethnicity: string | null;
  health: string;
  disability_category: string | null;
  disability_grade: string | null;
  self_care: string;
  labour_capacity: string | null;
  employment: string | null;
  incomes: string;
  phone: string | null;
}

/** The ids of the households matching the list filters (the list's own WHERE clause), in the list's order. */
function exportIds(db: Database.Database, streetCode: string, filter: HouseholdFilter): string[] {
  const w = householdWhere(streetCode, filter);
  return db
    .prepare(`SELECT h.id FROM households h JOIN communities c ON c.id = h.community_id WHERE ${w.sql} ORDER BY c.sort_order, c.name, h.address, h.id`)
    .pluck()
    .all(...w.params) as string[];
}

/** The live members of some of those households (by id). */
function personCount(db: Database.Database, ids: string[]): number {
  return db
    .prepare(`SELECT count(*) FROM persons p WHERE p.deleted_at IS NULL AND p.household_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

/** A chunk of households by id (in the order of `ids`), each with its live members in sheet order. */
function readChunk(db: Database.Database, ids: string[]): { household: HouseholdOut; members: MemberOut[] }[] {
  const list = JSON.stringify(ids);
  const households = db
    .prepare(
      `SELECT h.id, h.address, h.hukou_type, h.phone, h.bank_name, h.bank_account, ${categoriesSql('h')} AS categories, h.status,
              h.updated_at, c.name AS community_name, g.name AS grid_name
       FROM households h JOIN communities c ON c.id = h.community_id LEFT JOIN grids g ON g.id = h.grid_id
       WHERE h.id IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as HouseholdOut[];
  const members = db
    .prepare(
      `SELECT p.household_id, p.name, p.id_number, p.sex, p.birth_date, p.relation, p.ethnicity, p.health,
              p.disability_category, p.disability_grade, p.self_care, p.labour_capacity, p.employment,
              p.incomes, p.phone
       FROM persons p
       WHERE p.deleted_at IS NULL AND p.household_id IN (SELECT value FROM json_each(?))
       ORDER BY p.household_id, p.relation, p.birth_date, p.id`,
    )
    .all(list) as MemberOut[];
  const byHousehold = new Map<string, MemberOut[]>();
  for (const m of members) {
    const l = byHousehold.get(m.household_id);
    if (l) l.push(m);
    else byHousehold.set(m.household_id, [m]);
  }
  const byId = new Map(households.map((h) => [h.id, h]));
  return ids.map((id) => ({ household: byId.get(id)!, members: byHousehold.get(id) ?? [] }));
}

/**
 * One shared style object per column: exceljs caches a style by object identity, so shared
 * objects keep the writer from re-serialising a style for every one of ~2 million cells.
 */
function columnStyles(columns: SheetColumn[]): Partial<ExcelJS.Style>[] {
  return columns.map((c) => (c.text ? { numFmt: TEXT_FORMAT } : c.numFmt ? { numFmt: c.numFmt } : {}));
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: SheetColumn[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const styles = columnStyles(columns);
  ws.columns = columns.map((c, i) => ({ width: c.width, style: styles[i] }));
  const header = ws.addRow(columns.map((c) => c.header));
  styleHeaderRow(header);
  header.commit();
  const add = (values: unknown[]) => {
    const row = ws.addRow(inertRow(values).map((v) => (v === '' ? null : v)));
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
  };
  return { ws, add };
}

function finishSheet(ws: Worksheet, columns: SheetColumn[], dataRows: number): void {
  ws.autoFilter = `A1:${columnLetter(columns.length)}${dataRows + 1}`;
  ws.commit();
}

const yuan = (fen: number) => Math.round(fen) / 100;

/** Households read at a time: a chunk is read in a few milliseconds, between two turns at most. */
export const HOUSEHOLDS_PER_CHUNK = 500;
/** Rows written between two progress events (each followed by a turn, so a call sent then is answered first). */
const ROWS_PER_REPORT = 1000;

/**
 * The rows are read from one read snapshot (one consistent picture, however long the export takes)
 * a chunk of households at a time, and written as they come; the backend's other calls get a turn
 * whenever a slice of time has passed and after each progress report. `onProgress` hears the rows
 * written of all rows. `perChunk` is for tests (the bytes do not depend on it).
 */
export async function exportHouseholds(
  store: Store,
  actor: Actor,
  filter: HouseholdFilter,
  onProgress?: (done: number, total: number) => void,
  perChunk = HOUSEHOLDS_PER_CHUNK,
): Promise<FileOut> {
  const turn = turnTaker();
  const today = shanghaiDate(store.nowDate());
  const sink = collectingStream();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink.stream, useStyles: true, useSharedStrings: true });
  wb.creator = '兜底保障工作台';
  wb.created = store.nowDate();
  wb.modified = wb.created; // ExcelJS would stamp the wall clock: the same data gives the same bytes
  sharedStringsInTurns(wb, turn);

  const counts = await withReadSnapshot(store, async (db) => {
    const ids = exportIds(db, actor.streetCode, filter);
    await nextTurn(); // the whole-street read of the ids takes tens of milliseconds on 40,000 households
    // The members are counted a chunk of households at a time: counted at once over 100,000 persons,
    // they held the worker ~170 ms in one stretch at full scale (CPU profile of the ui-responsiveness bench).
    let persons = 0;
    for (let i = 0; i < ids.length; i += perChunk) {
      persons += personCount(db, ids.slice(i, i + perChunk));
      await turn();
    }
    const total = ids.length + persons;
    let done = 0;
    const wrote = async (): Promise<void> => {
      done++;
      if (done % ROWS_PER_REPORT !== 0) return turn();
      onProgress?.(done, total);
      await nextTurn();
    };
    async function* chunks() {
      for (let i = 0; i < ids.length; i += perChunk) {
        yield readChunk(db, ids.slice(i, i + perChunk));
        await turn();
      }
    }

    const { ws: hs, add: addHousehold } = addSheet(wb, HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS);
    for await (const chunk of chunks()) {
      for (const { household: h, members } of chunk) {
        const head = members.find((m) => m.relation === '02');
        addHousehold([
          head?.name ?? '',
          head?.id_number ?? '',
          h.community_name,
          h.grid_name ?? '',
          h.address,
          labelOf(HUKOU_TYPES, h.hukou_type),
          h.phone ?? '',
          members.length,
          parseCategories(h.categories)
            .map((c) => labelOf(ASSISTANCE_CATEGORIES, c))
            .join('、'),
          labelOf(HOUSEHOLD_STATUSES, h.status),
          h.bank_name ?? '',
          h.bank_account ?? '',
          shanghaiDateTime(h.updated_at),
        ]);
        await wrote();
      }
    }
    finishSheet(hs, HOUSEHOLD_COLUMNS, ids.length);

    const { ws: ms, add: addMember } = addSheet(wb, MEMBER_SHEET, MEMBER_COLUMNS);
    for await (const chunk of chunks()) {
      for (const { household: h, members } of chunk) {
        const headName = members.find((m) => m.relation === '02')?.name ?? '';
        for (const m of members) {
          addMember([
            h.address,
            headName,
            m.name,
            m.id_number,
            m.sex === 'male' ? '男' : '女',
            m.birth_date,
            ageOn(m.birth_date, today),
            labelOf(RELATIONS, m.relation),
            labelOf(ETHNICITIES, m.ethnicity),
            labelOf(HEALTH_STATUSES, m.health),
            labelOf(DISABILITY_CATEGORIES, m.disability_category),
            labelOf(DISABILITY_GRADES, m.disability_grade),
            disabilityCardNumber(m.id_number, m.disability_category, m.disability_grade) ?? '',
            labelOf(SELF_CARE_LEVELS, m.self_care),
            labelOf(LABOUR_CAPACITIES, m.labour_capacity),
            labelOf(EMPLOYMENT_STATUSES, m.employment),
            yuan(countableMonthlyFen(parseIncomes(m.incomes))),
            m.phone ?? '',
          ]);
          await wrote();
        }
      }
    }
    finishSheet(ms, MEMBER_COLUMNS, persons);
    return { households: ids.length, persons };
  });
  await wb.commit();
  const bytes = fixZipDates(await sink.bytes, store.nowDate());

  const fileName = `家庭名单_${safeFileName(streetName(store, actor.streetCode))}_${fileDate(store)}.xlsx`;
  store.tx(() =>
    store.audit(actor, {
      action: 'registry.export',
      entity: 'households',
      entityId: null,
      summary: `导出家庭名单（含完整身份证号码和银行账号）：${counts.households}户、${counts.persons}人`,
      detail: { filter, households: counts.households, persons: counts.persons, fileName },
    }),
  );
  return toFileOut(fileName, bytes);
}
