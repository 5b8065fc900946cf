/**
 * 留守 records per person (work plan 二(四), issue 17): a left-behind child, woman or elderly person
 * is recorded as a person, with why, who is away (where, since when) and, for a child, who looks
 * after them; the record is kept current and closed with a date when the situation ends.
 */
export const LEFT_BEHIND_KINDS = [
  { code: 'child', label: '留守儿童' },
  { code: 'woman', label: '留守妇女' },
  { code: 'elderly', label: '留守老年人' },
] as const;
export type LeftBehindKind = (typeof LEFT_BEHIND_KINDS)[number]['code'];
export const LEFT_BEHIND_KIND_CODES = LEFT_BEHIND_KINDS.map((k) => k.code) as [LeftBehindKind, ...LeftBehindKind[]];

/** The household category tag each kind replaces (old data: listed as 待建档, never turned into records). */
export const LEGACY_TAG_OF: Record<LeftBehindKind, string> = {
  child: 'left-behind-child',
  woman: 'left-behind-woman',
  elderly: 'left-behind-elderly',
};

/** Why the person is left behind: the kind's definition, one reason chosen. */
export const LEFT_BEHIND_REASONS = [
  { code: 'both-parents-away', label: '父母双方外出务工', kind: 'child' },
  { code: 'one-parent-away-other-unable', label: '一方外出务工、另一方无监护能力', kind: 'child' },
  { code: 'spouse-away', label: '丈夫外出务工', kind: 'woman' },
  { code: 'children-all-away', label: '子女均外出务工', kind: 'elderly' },
] as const;
export type LeftBehindReason = (typeof LEFT_BEHIND_REASONS)[number]['code'];
export const LEFT_BEHIND_REASON_CODES = LEFT_BEHIND_REASONS.map((r) => r.code) as [LeftBehindReason, ...LeftBehindReason[]];

/** Who is away, by their relation to the person recorded (not to the household head). */
export const AWAY_RELATIONS = [
  { code: 'father', label: '父亲' },
  { code: 'mother', label: '母亲' },
  { code: 'spouse', label: '配偶' },
  { code: 'son', label: '儿子' },
  { code: 'daughter', label: '女儿' },
  { code: 'other', label: '其他亲属' },
] as const;
export type AwayRelation = (typeof AWAY_RELATIONS)[number]['code'];
export const AWAY_RELATION_CODES = AWAY_RELATIONS.map((r) => r.code) as [AwayRelation, ...AwayRelation[]];

/** 留守老年人: living alone or with the spouse (the definition's two situations). */
export const LIVING_ARRANGEMENTS = [
  { code: 'alone', label: '独自居住' },
  { code: 'with-spouse', label: '与配偶共同居住' },
] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number]['code'];
export const LIVING_ARRANGEMENT_CODES = LIVING_ARRANGEMENTS.map((r) => r.code) as [LivingArrangement, ...LivingArrangement[]];

export const LEFT_BEHIND_CLOSE_REASONS = [
  { code: 'returned', label: '外出家人返回' },
  { code: 'age-out', label: '已满年龄' },
  { code: 'moved-away', label: '随迁或迁出' },
  { code: 'died', label: '死亡' },
  { code: 'other', label: '其他情况变化' },
] as const;
export type LeftBehindCloseReason = (typeof LEFT_BEHIND_CLOSE_REASONS)[number]['code'];
export const LEFT_BEHIND_CLOSE_REASON_CODES = LEFT_BEHIND_CLOSE_REASONS.map((r) => r.code) as [LeftBehindCloseReason, ...LeftBehindCloseReason[]];

export interface AwayMember {
  name: string;
  relation: AwayRelation;
  /** Where they work or live (e.g. 北京市朝阳区). */
  whereabouts: string;
  /** Since when (YYYY-MM-DD). */
  since: string;
}

/** The facts a record states, as entered and kept. */
export interface LeftBehindDetails {
  reason: LeftBehindReason;
  /** Free text beside the reason (e.g. why the parent at home cannot look after the child). */
  reasonNote: string | null;
  away: AwayMember[];
  /** 留守儿童 */
  guardianName: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
  school: string | null;
  /** 留守老年人 */
  livingArrangement: LivingArrangement | null;
  notes: string | null;
}

/** The dated figures the rules use (policy params leftBehind.*). */
export interface LeftBehindParams {
  childAgeBelow: number;
  womanAgeFrom: number;
  elderlyAgeFrom: number;
  spouseAwayMonths: number;
  updateCadenceMonths: number;
}

export const LEFT_BEHIND_PARAM_KEYS = {
  childAgeBelow: 'leftBehind.childAgeBelow',
  womanAgeFrom: 'leftBehind.womanAgeFrom',
  elderlyAgeFrom: 'leftBehind.elderlyAgeFrom',
  spouseAwayMonths: 'leftBehind.spouseAwayMonths',
  updateCadenceMonths: 'leftBehind.updateCadenceMonths',
} as const satisfies Record<keyof LeftBehindParams, string>;
