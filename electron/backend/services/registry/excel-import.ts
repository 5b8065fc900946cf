/**
 * Import preview: every row of the workbook is mapped to the API's CreateHouseholdSchema (the same
 * validation as the form), plus what only a file can get wrong: grouping by 户编号, household
 * columns that differ between rows, one 户主 per household, duplicate ID numbers in the file, and
 * ID numbers already registered. Errors name the worksheet row and the column's header. A
 * household with any error is skipped as a whole; nothing is written here.
 */
import { turnTaker } from '../../store/turns';
import { AppError } from '../../../../shared/errors';
import { describeZodError } from '../../../../shared/api/zh';
import { HEAD_RELATION } from '../../../../shared/codes';
import { parseIdNumber } from '../../../../shared/id-number';
import { normalizeLineEnds, textProblem } from '../../../../shared/text/vocabulary';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { CreateHouseholdSchema, type CreateHouseholdInput } from '../../../../shared/registry/schemas';
import type { ImportRowError } from '../../../../shared/registry/types';
import type { Store } from '../../store/store';
import type { CellScalar } from './excel-cells';
import { columnOf, IMPORT_COLUMNS, type ColumnKey } from './excel-columns';
import type { ImportSheet, SheetRow } from './excel-import-read';
import { readCode, readCodes, readDigits, readMoney, readMonth, readText, sameText, type Read } from './excel-import-values';
import { isProgrammeCategory } from '../../../../shared/assistance/programme-categories';
import type { ImportTerms } from '../assistance/imported';
import { assertIdNumberFree } from './persons';
import { listedErrors } from './row-errors';

export interface PlannedHousehold {
  key: string;
  /** Worksheet rows of the members, in the order of `input.members`. */
  rows: number[];
  input: CreateHouseholdInput;
  /** Start month and approved amount of the programmes among its categories (imported enrolments). */
  terms: ImportTerms;
}

export interface ImportPlan {
  totalRows: number;
  households: PlannedHousehold[];
  persons: number;
  errors: ImportRowError[];
}

const ORDER = new Map(IMPORT_COLUMNS.map((c, i) => [c.header, i]));

class Errors {
  private readonly byCell = new Map<string, ImportRowError>();
  private readonly badRows = new Set<number>();

  add(row: number, key: ColumnKey, message: string): void {
    const column = columnOf(key).header;
    const id = `${row}|${column}`;
    this.badRows.add(row);
    if (!this.byCell.has(id)) this.byCell.set(id, { row, column, message });
  }

  has(row: number, key: ColumnKey): boolean {
    return this.byCell.has(`${row}|${columnOf(key).header}`);
  }

  anyIn(rows: number[]): boolean {
    return rows.some((r) => this.badRows.has(r));
  }

  list(): ImportRowError[] {
    return listedErrors(this.byCell.values(), ORDER);
  }
}

interface Org {
  communities: Map<string, string>;
  /** community id -> grid name -> grid id */
  grids: Map<string, Map<string, string>>;
  communityNames: string[];
}

const nameKey = (s: string) => s.replace(/\s+/g, '');

function loadOrg(store: Store, streetCode: string): Org {
  const cs = store
    .prepare('SELECT id, name FROM communities WHERE street_code = ? AND deleted_at IS NULL ORDER BY sort_order, name')
    .all(streetCode) as { id: string; name: string }[];
  const gs = store
    .prepare('SELECT id, community_id, name FROM grids WHERE street_code = ? AND deleted_at IS NULL')
    .all(streetCode) as { id: string; community_id: string; name: string }[];
  const grids = new Map<string, Map<string, string>>();
  for (const g of gs) {
    if (!grids.has(g.community_id)) grids.set(g.community_id, new Map());
    grids.get(g.community_id)!.set(nameKey(g.name), g.id);
  }
  return { communities: new Map(cs.map((c) => [nameKey(c.name), c.id])), grids, communityNames: cs.map((c) => c.name) };
}

const HOUSEHOLD_KEYS = IMPORT_COLUMNS.filter((c) => c.level === 'household' && c.key !== 'householdKey').map((c) => c.key);

/** Which column a path of CreateHouseholdSchema (e.g. members.1.idNumber) comes from. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  communityId: 'community',
  gridId: 'grid',
  address: 'address',
  hukouType: 'hukouType',
  phone: 'homePhone',
  bankName: 'bankName',
  bankAccount: 'bankAccount',
  accountHolder: 'accountHolder',
  categories: 'categories',
};

function relabel(key: ColumnKey, message: string): string {
  const col = columnOf(key);
  return col.schemaLabel && message.startsWith(col.schemaLabel) ? col.header + message.slice(col.schemaLabel.length) : message;
}

class HouseholdBuilder {
  private readonly first: SheetRow;
  private readonly incomeColumns: ColumnKey[][] = [];

  constructor(
    private readonly key: string,
    private readonly rows: SheetRow[],
    private readonly org: Org,
    private readonly errors: Errors,
  ) {
    this.first = rows[0]!;
  }

  private take<T>(row: number, key: ColumnKey, r: Read<T>): T | undefined {
    if (r.ok) return r.value;
    this.errors.add(row, key, r.message);
    return undefined;
  }

  private required(r: SheetRow, key: ColumnKey, what = ''): boolean {
    if (r.cells[key] !== undefined) return true;
    this.errors.add(r.row, key, `${columnOf(key).header}不能为空${what}`);
    return false;
  }

  /** Later rows may leave household columns empty; if filled, they must equal the first row. */
  private checkConsistency(): void {
    for (const r of this.rows.slice(1)) {
      for (const key of HOUSEHOLD_KEYS) {
        const v: CellScalar | undefined = r.cells[key];
        if (v === undefined) continue;
        const v0 = this.first.cells[key];
        if (v0 === undefined) {
          this.errors.add(r.row, key, `本户（户编号 ${this.key}）的家庭信息以第一行（第${this.first.row}行）为准，第一行此列为空，本行却填写了“${readText(v)}”`);
        } else if (!sameText(v, v0)) {
          this.errors.add(r.row, key, `与本户（户编号 ${this.key}）第一行（第${this.first.row}行）填写的“${readText(v0)}”不一致：同一户的家庭信息须相同，其他行可留空`);
        }
      }
    }
  }

  private household(): Record<string, unknown> {
    const f = this.first;
    const c = f.cells;
    const row = f.row;
    const must = '（每户第一行须填写）';
    let communityId: string | undefined;
    if (this.required(f, 'community', must)) {
      const name = readText(c.community ?? null)!;
      communityId = this.org.communities.get(nameKey(name));
      if (!communityId) {
        const known = this.org.communityNames.length ? `本街道的社区有：${this.org.communityNames.join('、')}` : '本街道尚未建立社区';
        this.errors.add(row, 'community', `社区“${name}”不存在：${known}`);
      }
    }
    let gridId: string | null | undefined = null;
    const gridName = readText(c.grid ?? null);
    if (gridName && communityId) {
      gridId = this.org.grids.get(communityId)?.get(nameKey(gridName));
      if (!gridId) this.errors.add(row, 'grid', `网格“${gridName}”不在社区“${readText(c.community ?? null)}”中`);
    }
    this.required(f, 'address', must);
    this.required(f, 'hukouType', must);
    return {
      communityId,
      gridId,
      address: readText(c.address ?? null) ?? '',
      hukouType: this.take(row, 'hukouType', readCode(columnOf('hukouType'), c.hukouType ?? null)) ?? undefined,
      phone: this.take(row, 'homePhone', readDigits(columnOf('homePhone'), c.homePhone ?? null)),
      bankName: readText(c.bankName ?? null),
      bankAccount: this.take(row, 'bankAccount', readDigits(columnOf('bankAccount'), c.bankAccount ?? null)),
      accountHolder: readText(c.accountHolder ?? null),
      categories: this.take(row, 'categories', readCodes(columnOf('categories'), c.categories ?? null)) ?? [],
    };
  }

  private member(r: SheetRow): Record<string, unknown> {
    const c = r.cells;
    const code = (key: ColumnKey) => this.take(r.row, key, readCode(columnOf(key), c[key] ?? null)) ?? undefined;
    this.required(r, 'name');
    this.required(r, 'idNumber');
    this.required(r, 'relation');
    const incomes: { kind: string; monthlyFen: number }[] = [];
    const cols: ColumnKey[] = [];
    for (const [key, kind] of [['wageIncome', 'wage'], ['otherIncome', 'other']] as const) {
      const fen = this.take(r.row, key, readMoney(columnOf(key), c[key] ?? null));
      if (fen !== null && fen !== undefined && fen !== 0) {
        incomes.push({ kind, monthlyFen: fen });
        cols.push(key);
      }
    }
    this.incomeColumns.push(cols);
    return {
      name: readText(c.name ?? null) ?? '',
      idNumber: this.take(r.row, 'idNumber', readDigits(columnOf('idNumber'), c.idNumber ?? null)) ?? '',
      relation: code('relation'),
      ethnicity: code('ethnicity'),
      maritalStatus: code('maritalStatus'),
      health: code('health'),
      disabilityCategory: code('disabilityCategory'),
      disabilityGrade: code('disabilityGrade'),
      selfCare: code('selfCare'),
      labourCapacity: code('labourCapacity'),
      employment: code('employment'),
      incomes,
      phone: this.take(r.row, 'phone', readDigits(columnOf('phone'), c.phone ?? null)),
      notes: readText(c.notes ?? null),
    };
  }

  private checkHead(members: Record<string, unknown>[]): void {
    const heads = this.rows.filter((_, i) => members[i]!.relation === HEAD_RELATION);
    if (heads.length > 1) {
      const list = heads.map((h) => `第${h.row}行`).join('、');
      for (const h of heads.slice(1)) {
        this.errors.add(h.row, 'relation', `本户（户编号 ${this.key}）有多名户主（${list}）：每户须有且只有一名户主`);
      }
    } else if (heads.length === 0 && !this.rows.some((r) => this.errors.has(r.row, 'relation'))) {
      this.errors.add(this.first.row, 'relation', `本户（户编号 ${this.key}）没有户主：须有一名成员的与户主关系为“户主”`);
    }
  }

  /** A column of a schema issue's path: household.x, members.i.x, members.i.incomes.j.x. */
  private locate(path: string[]): { row: number; key: ColumnKey } | null {
    if (path[0] === 'household') {
      const key = FIELD_COLUMN[path[1] ?? ''];
      return { row: this.first.row, key: key ?? 'householdKey' };
    }
    if (path[0] === 'members' && path.length === 1) return { row: this.first.row, key: 'householdKey' };
    const i = Number(path[1]);
    const r = this.rows[i];
    if (!r) return null;
    if (path[2] === 'incomes') return { row: r.row, key: this.incomeColumns[i]?.[Number(path[3])] ?? 'wageIncome' };
    const key = IMPORT_COLUMNS.find((c) => c.level === 'person' && c.key === path[2])?.key;
    return { row: r.row, key: key ?? 'name' };
  }

  /** 保障起始年月 and 核定月保障金 belong to a programme among the categories (one, for an amount). */
  terms(categories: readonly string[]): ImportTerms {
    const f = this.first;
    const startMonth = this.take(f.row, 'startMonth', readMonth(columnOf('startMonth'), f.cells.startMonth ?? null)) ?? null;
    const amountFen = this.take(f.row, 'approvedAmount', readMoney(columnOf('approvedAmount'), f.cells.approvedAmount ?? null)) ?? null;
    const programmes = categories.filter(isProgrammeCategory).length;
    for (const [key, given] of [['startMonth', startMonth], ['approvedAmount', amountFen]] as const) {
      if (given !== null && programmes === 0) {
        this.errors.add(f.row, key, `${columnOf(key).header}只在救助类别含低保、低保边缘或特困时填写：本户救助类别中没有救助项目`);
      }
    }
    if (amountFen !== null && amountFen <= 0) this.errors.add(f.row, 'approvedAmount', '核定月保障金应大于0元');
    if (amountFen !== null && programmes > 1) {
      this.errors.add(f.row, 'approvedAmount', '本户救助类别含多个救助项目，核定月保障金无法对应到其中一个：请分别办理，或留空按政策标准计算');
    }
    return { startMonth, amountFen };
  }

  build(): { input: CreateHouseholdInput; terms: ImportTerms } | null {
    this.checkConsistency();
    const household = this.household();
    const terms = this.terms((household.categories as string[] | undefined) ?? []);
    const members = this.rows.map((r) => this.member(r));
    this.checkHead(members);
    const parsed = CreateHouseholdSchema.safeParse({ household, members });
    if (parsed.success) return { input: parsed.data, terms };
    for (const issue of describeZodError(parsed.error)) {
      const path = issue.field.split('.');
      // One 户主 and unique ID numbers are checked above with the rows named.
      if (path.length === 1 && path[0] === 'members' && /户主/.test(issue.message)) continue;
      const at = this.locate(path);
      if (!at || this.errors.has(at.row, at.key)) continue;
      this.errors.add(at.row, at.key, relabel(at.key, issue.message));
    }
    return null;
  }
}

/** Same ID number twice in the file, and ID numbers already registered in another household. */
async function checkIdNumbers(store: Store, groups: Map<string, SheetRow[]>, errors: Errors, today: string, turn: () => Promise<void>, checked: (rows: number) => void): Promise<void> {
  const seen = new Map<string, number>();
  for (const rows of groups.values()) {
    await turn();
    checked(rows.length);
    for (const r of rows) {
      const v = readDigits(columnOf('idNumber'), r.cells.idNumber ?? null);
      if (!v.ok || !v.value) continue;
      const p = parseIdNumber(v.value, today);
      if (!p.ok) {
        errors.add(r.row, 'idNumber', p.message);
        continue;
      }
      const id = p.info.idNumber;
      const prev = seen.get(id);
      if (prev !== undefined) {
        errors.add(r.row, 'idNumber', `身份证号码与第${prev}行重复：同一人只能填写一行`);
        continue;
      }
      seen.set(id, r.row);
      try {
        assertIdNumberFree(store, id, null, 'idNumber');
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        errors.add(r.row, 'idNumber', err.message);
      }
    }
  }
}

/**
 * Every text cell against the text vocabulary, before anything reads it: an `_x0000_` escape that
 * exceljs decoded into NUL, a bidi override, an invisible-only name. Line breaks pass here (a note
 * may hold them); the schema refuses them in one-line fields, naming the field.
 */
async function checkCellText(sheet: ImportSheet, errors: Errors, turn: () => Promise<void>, checked: (rows: number) => void): Promise<void> {
  for (const r of sheet.rows) {
    await turn();
    checked(1);
    for (const [key, v] of Object.entries(r.cells) as [ColumnKey, CellScalar][]) {
      if (typeof v !== 'string') continue;
      const p = textProblem(normalizeLineEnds(v), { multiline: true });
      if (p) errors.add(r.row, key, `${columnOf(key).header}${p}`);
    }
  }
}

export interface PlanOptions {
  turn?: () => Promise<void>;
  /** Progress: rows checked of `total` (each row is checked in three passes: text, ID numbers, household). */
  onChecked?: (done: number, total: number) => void;
}

/** Checks the whole sheet; reads only, so it gives the backend's other calls a turn as it goes. */
export async function planImport(store: Store, streetCode: string, sheet: ImportSheet, opts: PlanOptions = {}): Promise<ImportPlan> {
  const turn = opts.turn ?? turnTaker();
  const total = 3 * sheet.rows.length;
  let done = 0;
  const checked = (rows: number) => opts.onChecked?.((done += rows), total);
  const errors = new Errors();
  await checkCellText(sheet, errors, turn, checked);
  const groups = new Map<string, SheetRow[]>();
  for (const r of sheet.rows) {
    const key = readDigits(columnOf('householdKey'), r.cells.householdKey ?? null);
    if (!key.ok || !key.value) {
      errors.add(r.row, 'householdKey', key.ok ? '户编号不能为空：同一家庭的成员填写相同的户编号' : key.message);
      continue;
    }
    const list = groups.get(key.value);
    if (list) list.push(r);
    else groups.set(key.value, [r]);
  }
  await checkIdNumbers(store, groups, errors, shanghaiDate(store.nowDate()), turn, checked);
  const org = loadOrg(store, streetCode);
  const households: PlannedHousehold[] = [];
  for (const [key, rows] of groups) {
    await turn();
    checked(rows.length);
    const built = new HouseholdBuilder(key, rows, org, errors).build();
    const rowNumbers = rows.map((r) => r.row);
    if (built && !errors.anyIn(rowNumbers)) households.push({ key, rows: rowNumbers, ...built });
  }
  opts.onChecked?.(total, total); // rows without a 户编号 were in no household
  return {
    totalRows: sheet.rows.length,
    households,
    persons: households.reduce((n, h) => n + h.input.members.length, 0),
    errors: errors.list(),
  };
}
