/**
 * The documented columns of the import template (docs/import-template.md): one worksheet row per
 * person; rows with the same 户编号 form one household, whose household-level columns are read from
 * its first row. The template, its 填写说明 sheet and the importer all read this one list.
 */
import {
  ASSISTANCE_CATEGORIES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUSES,
  ETHNICITIES,
  HEALTH_STATUSES,
  HUKOU_TYPES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  RELATIONS,
  SELF_CARE_LEVELS,
  type CodeItem,
} from '../../../../shared/codes';

export const IMPORT_SHEET = '导入数据';
export const GUIDE_SHEET = '填写说明';

/**
 * How a cell is read: free text; digits that Excel must keep as text (ID, account, phone); one
 * code by label; several codes by label; an amount in yuan.
 */
export type ColumnKind = 'text' | 'digits' | 'code' | 'codes' | 'money' | 'month';

export interface ImportColumn {
  key: ColumnKey;
  header: string;
  /** 'household' columns are read from the first row of each household. */
  level: 'household' | 'person';
  required: boolean;
  kind: ColumnKind;
  width: number;
  /** Explanation shown in 填写说明 and as the header cell's note. */
  note: string;
  /** Allowed values (their labels) for code columns. */
  options?: readonly CodeItem[];
  /** Other spellings accepted on import, mapped to a code. */
  aliases?: Readonly<Record<string, string>>;
  /** The label the API's schema uses in its messages, when it differs from the header. */
  schemaLabel?: string;
}

export type ColumnKey =
  | 'householdKey'
  | 'community'
  | 'grid'
  | 'address'
  | 'hukouType'
  | 'homePhone'
  | 'bankName'
  | 'bankAccount'
  | 'accountHolder'
  | 'categories'
  | 'startMonth'
  | 'approvedAmount'
  | 'name'
  | 'idNumber'
  | 'relation'
  | 'ethnicity'
  | 'maritalStatus'
  | 'health'
  | 'disabilityCategory'
  | 'disabilityGrade'
  | 'selfCare'
  | 'labourCapacity'
  | 'employment'
  | 'wageIncome'
  | 'otherIncome'
  | 'phone'
  | 'notes';

const RELATION_ALIASES = {
  本人: '02',
  丈夫: '11',
  妻子: '12',
  儿子: '20',
  女儿: '30',
  孙子: '40',
  孙女: '40',
  外孙子: '40',
  外孙女: '40',
  父: '51',
  母: '52',
  祖父: '60',
  祖母: '60',
  外祖父: '60',
  外祖母: '60',
  兄: '70',
  弟: '70',
  姐: '70',
  妹: '70',
  哥哥: '70',
  弟弟: '70',
  姐姐: '70',
  妹妹: '70',
  儿媳: '80',
  女婿: '80',
  其他: '80',
} as const;

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'householdKey',
    header: '户编号',
    level: 'household',
    required: true,
    kind: 'digits',
    width: 10,
    note: '区分家庭的编号，由填表人自定（如 1、2、3 或 A01）。同一家庭的每名成员填写相同的户编号；不同家庭的户编号不能相同。',
  },
  {
    key: 'community',
    header: '社区',
    level: 'household',
    required: true,
    kind: 'text',
    width: 16,
    note: '本街道已建立的社区（村）名称，须与系统中的名称一致。',
  },
  {
    key: 'grid',
    header: '网格',
    level: 'household',
    required: false,
    kind: 'text',
    width: 12,
    note: '所在社区下已建立的网格名称；可留空。',
  },
  { key: 'address', header: '家庭住址', level: 'household', required: true, kind: 'text', width: 30, note: '家庭住址，不超过120个字。' },
  {
    key: 'hukouType',
    header: '户籍类型',
    level: 'household',
    required: true,
    kind: 'code',
    width: 10,
    note: '城镇 或 农村（也可填 非农业 / 农业）。',
    options: HUKOU_TYPES,
    aliases: { 非农业: 'urban', 非农: 'urban', 城市: 'urban', 农业: 'rural' },
  },
  {
    key: 'homePhone',
    header: '家庭电话',
    level: 'household',
    required: false,
    kind: 'digits',
    width: 14,
    note: '11位手机号或带区号的固定电话（如 022-24391234）；可留空。',
    schemaLabel: '联系电话',
  },
  { key: 'bankName', header: '开户银行', level: 'household', required: false, kind: 'text', width: 16, note: '救助金发放的开户银行；可留空。' },
  {
    key: 'bankAccount',
    header: '银行账号',
    level: 'household',
    required: false,
    kind: 'digits',
    width: 24,
    note: '10至30位数字，不含空格；本列须为文本格式（模板已设置），否则 Excel 会把长账号改成科学计数法。',
  },
  { key: 'accountHolder', header: '账户户名', level: 'household', required: false, kind: 'text', width: 10, note: '银行账户户名；可留空。' },
  {
    key: 'categories',
    header: '救助类别',
    level: 'household',
    required: false,
    kind: 'codes',
    width: 22,
    note:
      '可填多个，用顿号“、”或逗号分隔，如：低保、重度残疾人；可留空。低保、低保边缘/低收入、特困分散供养、特困集中供养为救助项目：导入后记为“已在保（导入）”的保障记录（特困记在户主名下），计入当月发放，待经办人确认导入。',
    options: ASSISTANCE_CATEGORIES,
    aliases: { 低保边缘: 'dibao-edge', 低收入: 'dibao-edge', 低保边缘户: 'dibao-edge' },
  },
  {
    key: 'startMonth',
    header: '保障起始年月',
    level: 'household',
    required: false,
    kind: 'month',
    width: 12,
    note: '救助类别含救助项目时，首次发放的月份，如 2026-03 或 2026年3月；留空为导入当月。',
  },
  {
    key: 'approvedAmount',
    header: '核定月保障金',
    level: 'household',
    required: false,
    kind: 'money',
    width: 12,
    note: '已核定的每月保障金（元），如 1045 或 1580.50；留空则按政策标准和登记的收入计算。',
  },
  { key: 'name', header: '姓名', level: 'person', required: true, kind: 'text', width: 10, note: '成员姓名，不超过30个字。' },
  {
    key: 'idNumber',
    header: '身份证号码',
    level: 'person',
    required: true,
    kind: 'digits',
    width: 21,
    note: '18位居民身份证号码，末位可为X；系统校验出生日期和校验位。同一身份证号码不能出现两次，也不能已登记在系统中的其他家庭。本列须为文本格式（模板已设置）。',
  },
  {
    key: 'relation',
    header: '与户主关系',
    level: 'person',
    required: true,
    kind: 'code',
    width: 11,
    note: '每户须有且只有一名“户主”。可填文字（户主、配偶、夫、妻、子、女、孙子女、父母、父亲、母亲、祖父母、兄弟姐妹、其他亲属、非亲属，以及 本人、丈夫、妻子、儿子、女儿、兄、弟、姐、妹 等常用写法）或 GB/T 4761 两位代码（如 02 户主、10 配偶、20 子）。',
    options: RELATIONS,
    aliases: RELATION_ALIASES,
  },
  {
    key: 'ethnicity',
    header: '民族',
    level: 'person',
    required: false,
    kind: 'code',
    width: 8,
    note: '民族全称，如 汉族、回族（也可省略“族”字）；可留空。',
    options: ETHNICITIES,
  },
  { key: 'maritalStatus', header: '婚姻状况', level: 'person', required: false, kind: 'code', width: 10, note: '可留空。', options: MARITAL_STATUSES, aliases: { 离婚: 'divorced' } },
  { key: 'health', header: '健康状况', level: 'person', required: false, kind: 'code', width: 10, note: '留空视为“健康”。', options: HEALTH_STATUSES },
  {
    key: 'disabilityCategory',
    header: '残疾类别',
    level: 'person',
    required: false,
    kind: 'code',
    width: 10,
    note: '持残疾人证的填写（可省略“残疾”二字，如 肢体）；残疾类别和残疾等级须同时填写或同时留空。',
    options: DISABILITY_CATEGORIES,
  },
  {
    key: 'disabilityGrade',
    header: '残疾等级',
    level: 'person',
    required: false,
    kind: 'code',
    width: 10,
    note: '一级至四级（也可填 1～4 或 1级～4级）；与残疾类别同时填写。',
    options: DISABILITY_GRADES,
  },
  {
    key: 'selfCare',
    header: '自理能力',
    level: 'person',
    required: false,
    kind: 'code',
    width: 20,
    note: '留空视为“具备生活自理能力”；也可填 完全自理 / 半失能 / 完全失能。',
    options: SELF_CARE_LEVELS,
    aliases: { 完全自理: 'full', 自理: 'full', 半失能: 'partial', 部分自理: 'partial', 完全失能: 'none', 失能: 'none', 不能自理: 'none' },
  },
  {
    key: 'labourCapacity',
    header: '劳动能力',
    level: 'person',
    required: false,
    kind: 'code',
    width: 16,
    note: '可留空。',
    options: LABOUR_CAPACITIES,
    aliases: { 有: 'full', 无: 'none', 部分丧失: 'partial', 丧失劳动能力: 'none' },
  },
  { key: 'employment', header: '从业状况', level: 'person', required: false, kind: 'code', width: 11, note: '可留空。', options: EMPLOYMENT_STATUSES },
  {
    key: 'wageIncome',
    header: '月工资收入(元)',
    level: 'person',
    required: false,
    kind: 'money',
    width: 14,
    note: '每月工资性收入，单位元，最多两位小数；无收入可留空或填 0。',
    schemaLabel: '月收入',
  },
  {
    key: 'otherIncome',
    header: '月其他收入(元)',
    level: 'person',
    required: false,
    kind: 'money',
    width: 14,
    note: '每月工资以外的其他收入（计入家庭收入），单位元，最多两位小数；可留空。需要细分收入类别的，导入后在家庭详情中修改。',
    schemaLabel: '月收入',
  },
  {
    key: 'phone',
    header: '联系电话',
    level: 'person',
    required: false,
    kind: 'digits',
    width: 14,
    note: '成员本人的11位手机号或带区号的固定电话；可留空。',
  },
  { key: 'notes', header: '备注', level: 'person', required: false, kind: 'text', width: 20, note: '成员备注，不超过500个字；可留空。' },
];

export function columnOf(key: ColumnKey): ImportColumn {
  return IMPORT_COLUMNS.find((c) => c.key === key)!;
}

/** Headers that may appear in a workbook and are ignored (a running number is common). */
export const IGNORED_HEADERS = ['序号'];

/** Header text as users type it: no spaces, half-width brackets, no required-marker stars. */
export function normalizeHeader(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^\*+|\*+$/g, '');
}
