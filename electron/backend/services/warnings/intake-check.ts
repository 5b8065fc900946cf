/**
 * Department-file preview: every row checked (text, ID number and its checksum, dates in range and
 * in the file's period, amounts not negative, codes known, no row twice), then matched by ID number
 * against the street's registered persons. Matched rows become department records at commit;
 * unmatched ones whose address (or, without one, whose ID number's region) belongs to the street
 * become 待登记线索. Errors name the row and the column; any error refuses the whole file. Reads only.
 *
 * On a district PC (scope DISTRICT_PARTITION, its replica holding every street) the rows are
 * matched against the persons of all streets, and each record and clue carries the street it
 * belongs to: the person's, or for an unmatched row the one street its address names (an ID
 * number's region is the whole district, so it alone names no street; such rows stay unplaced).
 */
import { parseIdNumber } from '../../../../shared/id-number';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import { loadAreas, placeOf } from './intake-place';
import type { ImportRowError } from '../../../../shared/registry/types';
import { normalizeLineEnds, textProblem, dateProblem } from '../../../../shared/text/vocabulary';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import {
  DEPARTMENT_SOURCE_LABELS,
  type DepartmentFacts,
  type DepartmentSource,
} from '../../../../shared/warnings/types';
import { turnTaker } from '../../store/turns';
import type { Store } from '../../store/store';
import { dateText, type CellScalar } from '../registry/excel-cells';
import { listedErrors } from '../registry/row-errors';
import { readDigits, readMoney, readMonth, readText, type Read } from '../registry/excel-import-values';
import { DISABILITY_CHANGES, DISABILITY_TYPES, intakeColumn, SOURCE_COLUMNS } from './intake-columns';
import type { DepartmentRow } from './intake-read';

export interface Period {
  startOn: string;
  endOn: string;
}

export interface PlannedRecord {
  row: number;
  /** The person's street: the partition the record (and its warnings) go to. */
  streetCode: string;
  personId: string;
  householdId: string;
  idNumber: string;
  name: string;
  /** The person's recorded death, if any (a death row then records nothing more). */
  diedOn: string | null;
  startOn: string;
  endOn: string | null;
  facts: DepartmentFacts;
}

export interface PlannedClue {
  row: number;
  /** The street whose area the row's address (or ID number) names. */
  streetCode: string;
  name: string;
  idNumber: string;
  address: string | null;
  communityId: string | null;
  communityName: string | null;
  startOn: string;
  endOn: string | null;
  facts: DepartmentFacts;
}

export interface DepartmentPlan {
  totalRows: number;
  records: PlannedRecord[];
  clues: PlannedClue[];
  unmatched: number;
  errors: ImportRowError[];
}

class RowErrors {
  private readonly byCell = new Map<string, ImportRowError>();
  constructor(private readonly order: Map<string, number>) {}

  add(row: number, column: string, message: string): void {
    const id = `${row}|${column}`;
    if (!this.byCell.has(id)) this.byCell.set(id, { row, column, message });
  }

  get size(): number {
    return this.byCell.size;
  }

  list(): ImportRowError[] {
    return listedErrors(this.byCell.values(), this.order);
  }
}

/** A date from a date cell, 2026-10-08, 2026/10/8, 2026.10.8, 2026年10月8日 or 20261008. */
export function readDate(header: string, v: CellScalar): Read<string | null> {
  if (v === null) return { ok: true, value: null };
  let s: string;
  if (v instanceof Date) s = dateText(v);
  else {
    const raw = String(v).replace(/\s+/g, '');
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
    if (!m) return { ok: false, message: `${header}“${raw}”无法识别：应为日期，如 2026-10-08` };
    s = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  const bad = dateProblem(s, 'event');
  return bad ? { ok: false, message: `${header}${bad}` } : { ok: true, value: s };
}

const LAST_DAYS = new Map<string, string>();

/** The last day of a month (remembered: a file has a few months, and 100,000 rows). */
function lastDayOf(month: string): string {
  let d = LAST_DAYS.get(month);
  if (d === undefined) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    d = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    LAST_DAYS.set(month, d);
  }
  return d;
}

const GRADES: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, '1': 1, '2': 2, '3': 3, '4': 4, '1级': 1, '2级': 2, '3级': 3, '4级': 4 };

/** A registered person as read for matching, a raw row. */
type Person = [idNumber: string, id: string, householdId: string, name: string, birthDate: string, diedOn: string | null, streetCode: string];

/**
 * An ID number of the scope or of the file: its registered person (if any) and the file's rows seen
 * with it by what makes two rows the same (RowFacts.key; a second key is rare). One map lookup a row.
 */
interface IdEntry {
  person: Person | null;
  key: string | null;
  row: number;
  more: Map<string, number> | null;
}

function describe(source: DepartmentSource, startOn: string, facts: DepartmentFacts): string {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const f = facts as Record<string, unknown>;
  switch (source) {
    case 'medical':
      return `${startOn.slice(0, 7)} 医疗总费用 ${yuan(f.totalFen as number)} 元，个人自付 ${yuan(f.selfPaidFen as number)} 元`;
    case 'disability': {
      const type = DISABILITY_TYPES.find((t) => t.code === f.type)?.label;
      const change = DISABILITY_CHANGES.find((t) => t.code === f.change)?.label;
      return `${startOn} ${change}残疾证：${type}${['', '一', '二', '三', '四'][f.grade as number]}级`;
    }
    case 'unemployment':
      return `${startOn} 失业登记${f.reason ? `（${String(f.reason)}）` : ''}`;
    case 'death':
      return `${startOn} 死亡`;
  }
}

/** The 线索's description: what the department's row says, and why it is a clue. */
export function clueDescription(source: DepartmentSource, c: Pick<PlannedClue, 'startOn' | 'facts'>): string {
  return `${DEPARTMENT_SOURCE_LABELS[source]}数据：${describe(source, c.startOn, c.facts)}。身份证号码未在本街道登记，可能是未登记的困难群众，请核实`;
}

interface RowFacts {
  startOn: string;
  endOn: string | null;
  facts: DepartmentFacts;
  /** What makes two rows of the file the same (besides the ID number). */
  key: string;
}

/**
 * The source's own columns of one row (errors added to the row). A class rather than closures made
 * afresh for each of 100,000 rows: its methods are made once.
 */
class RowReader {
  bad = false;
  private r: DepartmentRow = { row: 0, cells: {} };
  private c: Record<string, CellScalar> = {};
  private readonly headers: Map<string, string>;
  /** A month cell's reading by its text: a file's rows share a few months. */
  private readonly months = new Map<CellScalar, Read<string | null>>();

  constructor(
    private readonly source: DepartmentSource,
    private readonly period: Period,
    private readonly periodText: string,
    private readonly today: string,
    private readonly errors: RowErrors,
  ) {
    this.headers = new Map(SOURCE_COLUMNS[source].map((c) => [c.key, c.header]));
  }

  /** Reads the next row. */
  reset(r: DepartmentRow): this {
    this.r = r;
    this.c = r.cells;
    this.bad = false;
    return this;
  }

  add(column: string, message: string): void {
    this.errors.add(this.r.row, column, message);
  }

  col(key: string): string {
    return this.headers.get(key) ?? intakeColumn(this.source, key).header;
  }

  month(): string | null {
    const v = this.c.month!;
    let read = typeof v === 'string' ? this.months.get(v) : undefined;
    if (!read) {
      read = readMonth({ header: this.col('month') }, v);
      if (typeof v === 'string') this.months.set(v, read);
    }
    return this.take('month', read) ?? null;
  }

  take<T>(key: string, read: Read<T>): T | undefined {
    if (read.ok) return read.value;
    this.add(this.col(key), read.message);
    this.bad = true;
    return undefined;
  }

  required(key: string): boolean {
    if (this.c[key] !== undefined && this.c[key] !== null) return true;
    this.add(this.col(key), `${this.col(key)}不能为空`);
    this.bad = true;
    return false;
  }

  eventDate(key: string): string | null {
    if (!this.required(key)) return null;
    const d = this.take(key, readDate(this.col(key), this.c[key]!));
    if (!d) return null;
    if (d > this.today) this.add(this.col(key), `${this.col(key)} ${d} 晚于今天（${this.today}）`);
    else if (d < this.period.startOn || d > this.period.endOn) this.add(this.col(key), `${this.col(key)} ${d} 不在${this.periodText}内`);
    else return d;
    this.bad = true;
    return null;
  }

  money(key: string): number | null {
    if (!this.required(key)) return null;
    const fen = this.take(key, readMoney({ header: this.col(key) }, this.c[key]!));
    if (fen === undefined || fen === null) return null;
    if (fen < 0) {
      this.add(this.col(key), `${this.col(key)}不能为负数（填写了 ${(fen / 100).toFixed(2)}）`);
      this.bad = true;
      return null;
    }
    return fen;
  }

  facts(): RowFacts | null {
    switch (this.source) {
      case 'medical': {
        const month = this.required('month') ? this.month() : null;
        const totalFen = this.money('totalYuan');
        const selfPaidFen = this.money('selfPaidYuan');
        if (month) {
          const end = lastDayOf(month);
          if (month > this.today.slice(0, 7)) {
            this.add(this.col('month'), `${this.col('month')} ${month} 晚于本月`);
            this.bad = true;
          } else if (end < this.period.startOn || `${month}-01` > this.period.endOn) {
            this.add(this.col('month'), `${this.col('month')} ${month} 不在${this.periodText}内`);
            this.bad = true;
          }
        }
        if (totalFen !== null && selfPaidFen !== null && selfPaidFen > totalFen) {
          this.add(this.col('selfPaidYuan'), `个人自付费用（${(selfPaidFen / 100).toFixed(2)} 元）不能大于医疗总费用（${(totalFen / 100).toFixed(2)} 元）`);
          this.bad = true;
        }
        if (this.bad || !month || totalFen === null || selfPaidFen === null) return null;
        return { startOn: `${month}-01`, endOn: lastDayOf(month), facts: { totalFen, selfPaidFen }, key: month };
      }
      case 'disability': {
        const text = (key: string) => (this.required(key) ? (readText(this.c[key]!) ?? '').replace(/\s+/g, '') : null);
        const typeText = text('type');
        const type = typeText === null ? undefined : DISABILITY_TYPES.find((t) => t.label === typeText || t.label === `${typeText}残疾`)?.code;
        if (typeText !== null && !type) this.add(this.col('type'), `残疾类别“${typeText}”无法识别，可填：${DISABILITY_TYPES.map((t) => t.label).join('、')}`);
        const gradeText = text('grade');
        const grade = gradeText === null ? undefined : GRADES[gradeText];
        if (gradeText !== null && !grade) this.add(this.col('grade'), `残疾等级“${gradeText}”超出范围：应为一级至四级（1–4）`);
        const changeText = text('change');
        const change = changeText === null ? undefined : DISABILITY_CHANGES.find((t) => t.label === changeText)?.code;
        if (changeText !== null && !change) this.add(this.col('change'), `办证类型“${changeText}”无法识别，可填：${DISABILITY_CHANGES.map((t) => t.label).join('、')}`);
        const date = this.eventDate('date');
        if (this.bad || !type || !grade || !change || !date) return null;
        return { startOn: date, endOn: null, facts: { type, grade, change }, key: `${date}|${change}` };
      }
      case 'unemployment': {
        const date = this.eventDate('date');
        const endOn = this.c.endDate === undefined ? null : this.take('endDate', readDate(this.col('endDate'), this.c.endDate));
        if (endOn && date && endOn < date) {
          this.add(this.col('endDate'), `失业终止日期 ${endOn} 早于失业登记日期 ${date}`);
          this.bad = true;
        } else if (endOn && endOn > this.today) {
          this.add(this.col('endDate'), `失业终止日期 ${endOn} 晚于今天（${this.today}）`);
          this.bad = true;
        }
        const reason = readText(this.c.reason ?? null);
        if (reason && reason.length > 200) {
          this.add(this.col('reason'), '失业原因不能超过200个字');
          this.bad = true;
        }
        if (this.bad || !date) return null;
        return { startOn: date, endOn: endOn ?? null, facts: { reason: reason ?? null }, key: date };
      }
      case 'death': {
        const date = this.eventDate('date');
        const reportedBy = readText(this.c.reportedBy ?? null);
        if (reportedBy && reportedBy.length > 100) {
          this.add(this.col('reportedBy'), '报告单位不能超过100个字');
          this.bad = true;
        }
        if (this.bad || !date) return null;
        return { startOn: date, endOn: null, facts: { reportedBy: reportedBy ?? null }, key: 'death' };
      }
    }
  }
}

const ONE_LINE = { multiline: false };

export interface CheckOptions {
  onChecked?: (done: number, total: number) => void;
}

export async function planDepartmentImport(
  store: Store,
  /** The street, or DISTRICT_PARTITION on a district PC: every street's persons. */
  scope: string,
  source: DepartmentSource,
  period: Period,
  rows: DepartmentRow[],
  opts: CheckOptions = {},
): Promise<DepartmentPlan> {
  const turn = turnTaker();
  const columns = SOURCE_COLUMNS[source];
  const errors = new RowErrors(new Map(columns.map((c, i) => [c.header, i])));
  const today = shanghaiDate(store.nowDate());
  const nameCol = intakeColumn(source, 'name').header;
  const idCol = intakeColumn(source, 'idNumber').header;
  // The scope's persons by ID number (a street's, or every street's on a district PC), read in one
  // statement (the file's rows are looked up in memory); those of a deleted household (few) left out.
  const district = scope === DISTRICT_PARTITION;
  const goneHouseholds = new Set(store.prepare('SELECT id FROM households WHERE deleted_at IS NOT NULL').pluck(true).all() as string[]);
  const ids = new Map<string, IdEntry>();
  const registered = store
    .prepare(`SELECT id_number, id, household_id, name, birth_date, died_on, street_code FROM persons WHERE ${district ? '' : 'street_code = ? AND '}deleted_at IS NULL`)
    .raw(true) // this statement's own text: no other caller shares it
    .all(...(district ? [] : [scope])) as Person[];
  for (const person of registered) if (!goneHouseholds.has(person[2])) ids.set(person[0], { person, key: null, row: 0, more: null });
  const areas = loadAreas(store, scope);
  const registeredIn = district ? '' : '本街道';
  const periodText = `数据期间（${period.startOn} 至 ${period.endOn}）`;
  const records: PlannedRecord[] = [];
  const clues: PlannedClue[] = [];
  let unmatched = 0;
  let done = 0;
  const reader = new RowReader(source, period, periodText, today, errors);
  for (const r of rows) {
    // a turn for other calls when due, asked every 128 rows (not an await per row)
    if ((++done & 127) === 0) await turn();
    if (done % 1000 === 0) opts.onChecked?.(done, rows.length);
    const before = errors.size;
    reader.reset(r);
    for (const key in r.cells) {
      const v = r.cells[key];
      if (typeof v !== 'string') continue;
      const p = textProblem(v.includes('\r') ? normalizeLineEnds(v) : v, ONE_LINE);
      if (p) reader.add(reader.col(key), `${reader.col(key)}${p}`);
    }
    const name = readText(r.cells.name ?? null);
    if (!name) reader.add(nameCol, '姓名不能为空');
    let idNumber: string | null = null;
    const digits = readDigits({ key: 'idNumber', header: idCol }, r.cells.idNumber ?? null);
    if (!digits.ok) reader.add(idCol, digits.message);
    else if (!digits.value) reader.add(idCol, '身份证号码不能为空');
    else {
      const parsed = parseIdNumber(digits.value, today);
      if (parsed.ok) idNumber = parsed.info.idNumber;
      else reader.add(idCol, parsed.message);
    }
    const f = reader.facts();
    if (!f || !idNumber || !name || errors.size > before) continue;
    let entry = ids.get(idNumber);
    if (!entry) ids.set(idNumber, (entry = { person: null, key: null, row: 0, more: null }));
    const prev = entry.key === f.key ? entry.row : entry.more?.get(f.key);
    if (prev !== undefined) {
      reader.add(idCol, `与第${prev}行重复：同一人的同一条${DEPARTMENT_SOURCE_LABELS[source]}数据只能填写一行`);
      continue;
    }
    if (entry.key === null) {
      entry.key = f.key;
      entry.row = r.row;
    } else (entry.more ??= new Map()).set(f.key, r.row);
    const facts = f.facts; // built by RowReader to the shape of DEPARTMENT_FACTS_SCHEMAS (the tests hold it to them)
    const person = entry.person;
    if (person) {
      const personName = person[3];
      const birthDate = person[4];
      if (personName !== name && personName.replace(/\s+/g, '') !== name.replace(/\s+/g, '')) {
        reader.add(nameCol, `姓名“${name}”与${registeredIn}按该身份证号码登记的姓名“${personName}”不一致，请核对`);
        continue;
      }
      if (source === 'death' && f.startOn < birthDate) {
        reader.add(intakeColumn(source, 'date').header, `死亡日期 ${f.startOn} 早于出生日期（${birthDate}）`);
        continue;
      }
      records.push({ row: r.row, streetCode: person[6], personId: person[1], householdId: person[2], idNumber, name, diedOn: person[5], startOn: f.startOn, endOn: f.endOn, facts });
      continue;
    }
    unmatched++;
    const address = readText(r.cells.address ?? null);
    const where = placeOf(areas, idNumber, address);
    if (where) {
      clues.push({ row: r.row, streetCode: where.streetCode, name, idNumber, address, communityId: where.community?.id ?? null, communityName: where.community?.name ?? null, startOn: f.startOn, endOn: f.endOn, facts });
    }
  }
  opts.onChecked?.(rows.length, rows.length);
  return { totalRows: rows.length, records, clues, unmatched, errors: errors.list() };
}
