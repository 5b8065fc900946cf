/**
 * Coded value lists of the registry, with their Chinese labels. Codes are stable English/numeric
 * strings stored in the database; labels are what the user sees.
 */
export interface CodeItem<C extends string = string> {
  code: C;
  label: string;
}

function list<const T extends readonly CodeItem[]>(items: T): T {
  return items;
}

export function labelOf(items: readonly CodeItem[], code: string | null | undefined): string {
  if (code == null) return '';
  return items.find((i) => i.code === code)?.label ?? code;
}

export function codesOf<T extends readonly CodeItem[]>(items: T): [T[number]['code'], ...T[number]['code'][]] {
  return items.map((i) => i.code) as [T[number]['code'], ...T[number]['code'][]];
}

/** 救助/关爱类别 of a household (DOMAIN §0.6, issue 2). */
export const ASSISTANCE_CATEGORIES = list([
  { code: 'dibao', label: '低保' },
  { code: 'dibao-edge', label: '低保边缘/低收入' },
  { code: 'tekun-home', label: '特困分散供养' },
  { code: 'tekun-institution', label: '特困集中供养' },
  { code: 'orphan', label: '孤儿' },
  { code: 'unsupported-child', label: '事实无人抚养儿童' },
  { code: 'poor-disabled', label: '困难残疾人' },
  { code: 'severe-disabled', label: '重度残疾人' },
  { code: 'left-behind-child', label: '留守儿童' },
  { code: 'left-behind-woman', label: '留守妇女' },
  { code: 'left-behind-elderly', label: '留守老年人' },
  { code: 'lonely-elderly', label: '独居/空巢/失能老人' },
] as const);
export type AssistanceCategory = (typeof ASSISTANCE_CATEGORIES)[number]['code'];

/** Status of a household record in the registry. */
export const HOUSEHOLD_STATUSES = list([
  { code: 'active', label: '在册' },
  { code: 'watch', label: '关注' },
  { code: 'exited', label: '已退出' },
] as const);
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number]['code'];

export const HUKOU_TYPES = list([
  { code: 'urban', label: '城镇' },
  { code: 'rural', label: '农村' },
] as const);

/** 与户主关系, GB/T 4761-2008 two-digit codes. */
export const RELATIONS = list([
  { code: '02', label: '户主' },
  { code: '10', label: '配偶' },
  { code: '11', label: '夫' },
  { code: '12', label: '妻' },
  { code: '20', label: '子' },
  { code: '30', label: '女' },
  { code: '40', label: '孙子女' },
  { code: '50', label: '父母' },
  { code: '51', label: '父亲' },
  { code: '52', label: '母亲' },
  { code: '60', label: '祖父母' },
  { code: '70', label: '兄弟姐妹' },
  { code: '80', label: '其他亲属' },
  { code: '99', label: '非亲属' },
] as const);
export type RelationCode = (typeof RELATIONS)[number]['code'];
export const HEAD_RELATION: RelationCode = '02';

export const HEALTH_STATUSES = list([
  { code: 'healthy', label: '健康' },
  { code: 'chronic', label: '多病' },
  { code: 'serious', label: '重病' },
] as const);

/** GB/T 26341-2010 categories; the code is the digit used in the disability card number. */
export const DISABILITY_CATEGORIES = list([
  { code: '1', label: '视力残疾' },
  { code: '2', label: '听力残疾' },
  { code: '3', label: '言语残疾' },
  { code: '4', label: '肢体残疾' },
  { code: '5', label: '智力残疾' },
  { code: '6', label: '精神残疾' },
  { code: '7', label: '多重残疾' },
] as const);

export const DISABILITY_GRADES = list([
  { code: '1', label: '一级' },
  { code: '2', label: '二级' },
  { code: '3', label: '三级' },
  { code: '4', label: '四级' },
] as const);

/** 残疾人证号 = 18-digit ID number + category digit + grade digit. */
export function disabilityCardNumber(idNumber: string, category: string | null, grade: string | null): string | null {
  if (!category || !grade) return null;
  return `${idNumber}${category}${grade}`;
}

export const SELF_CARE_LEVELS = list([
  { code: 'full', label: '具备生活自理能力' },
  { code: 'partial', label: '部分丧失生活自理能力' },
  { code: 'none', label: '完全丧失生活自理能力' },
] as const);

export const LABOUR_CAPACITIES = list([
  { code: 'full', label: '有劳动能力' },
  { code: 'partial', label: '部分丧失劳动能力' },
  { code: 'none', label: '无劳动能力' },
] as const);

export const EMPLOYMENT_STATUSES = list([
  { code: 'preschool', label: '学龄前' },
  { code: 'student', label: '在校' },
  { code: 'employed', label: '在职' },
  { code: 'flexible', label: '灵活就业' },
  { code: 'unemployed-registered', label: '登记失业' },
  { code: 'unemployed', label: '未登记失业' },
  { code: 'retired', label: '退休' },
  { code: 'none', label: '无业' },
] as const);

export const INCOME_KINDS = list([
  { code: 'wage', label: '工资性收入' },
  { code: 'business', label: '经营净收入' },
  { code: 'property', label: '财产净收入' },
  { code: 'transfer', label: '转移净收入' },
  { code: 'other', label: '其他收入' },
  { code: 'excluded', label: '不计入收入' },
] as const);
export type IncomeKind = (typeof INCOME_KINDS)[number]['code'];

export const MARITAL_STATUSES = list([
  { code: 'married', label: '已婚' },
  { code: 'single', label: '未婚' },
  { code: 'divorced', label: '离异' },
  { code: 'widowed', label: '丧偶' },
] as const);

/** The 56 ethnic groups (GB/T 3304 order). */
export const ETHNICITIES = list(
  [
    '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族',
    '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族',
    '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族',
    '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族', '乌孜别克族',
    '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族',
    '门巴族', '珞巴族', '基诺族',
  ].map((label, i) => ({ code: String(i + 1).padStart(2, '0'), label })),
);

export const ROLES = list([
  { code: 'caseworker', label: '经办人' },
  { code: 'supervisor', label: '街道负责人' },
  { code: 'street-admin', label: '街道管理员' },
  { code: 'district-admin', label: '区级管理员' },
] as const);
export type Role = (typeof ROLES)[number]['code'];
