/**
 * The columns of a department file by source (医保, 残联, 人社, 公安/殡葬): the template writes them
 * with their 填写说明, the reader maps a file's header row onto them, the checks read their cells.
 * A column is found by its header (spaces, “*” and full-width brackets ignored, as in the registry
 * import); a file with a missing required column or an unknown one is refused as a whole.
 */
import { makeIdNumber } from '../../../../shared/id-number';
import type { DepartmentSource } from '../../../../shared/warnings/types';

export interface IntakeColumn {
  key: string;
  header: string;
  required: boolean;
  /** 填写说明 of the column. */
  note: string;
  /** An example value (shown on the guide sheet only, never on the data sheet). */
  example: string;
  width: number;
  /** Kept as text in the template (18-digit numbers, months). */
  text?: boolean;
}

const NAME: IntakeColumn = { key: 'name', header: '姓名', required: true, note: '与身份证上的姓名一致', example: '张某某', width: 12 };
const ID: IntakeColumn = {
  key: 'idNumber',
  header: '身份证号码',
  required: true,
  note: '18位，最后一位可以是X；本列须为文本格式（否则 Excel 会丢失后几位）。按此号码与本街道登记的人员比对',
  example: makeIdNumber('120110', '19500315', 1),
  width: 22,
  text: true,
};
const ADDRESS: IntakeColumn = {
  key: 'address',
  header: '住址',
  required: false,
  note: '选填。未在本街道登记的人员，住址写明本街道或其社区的，列为待登记线索',
  example: '张贵庄街道詹滨西里3号楼2门101',
  width: 30,
};

export const DISABILITY_TYPES = [
  { code: 'visual', label: '视力残疾' },
  { code: 'hearing', label: '听力残疾' },
  { code: 'speech', label: '言语残疾' },
  { code: 'physical', label: '肢体残疾' },
  { code: 'intellectual', label: '智力残疾' },
  { code: 'mental', label: '精神残疾' },
  { code: 'multiple', label: '多重残疾' },
] as const;
export const DISABILITY_CHANGES = [
  { code: 'new', label: '新办' },
  { code: 'changed', label: '变更' },
  { code: 'revoked', label: '注销' },
] as const;

export const SOURCE_COLUMNS: Record<DepartmentSource, readonly IntakeColumn[]> = {
  medical: [
    NAME,
    ID,
    { key: 'month', header: '费用年月', required: true, note: '医疗费用所属月份，如 2026-10；须在导入时填写的数据期间内', example: '2026-10', width: 12, text: true },
    { key: 'totalYuan', header: '医疗总费用（元）', required: true, note: '当月医疗总费用，单位元，最多两位小数，不能为负数', example: '8650.00', width: 16 },
    { key: 'selfPaidYuan', header: '个人自付费用（元）', required: true, note: '当月个人自付部分，单位元，不能为负数，不能大于医疗总费用', example: '3210.50', width: 18 },
    ADDRESS,
  ],
  disability: [
    NAME,
    ID,
    { key: 'type', header: '残疾类别', required: true, note: `可填：${DISABILITY_TYPES.map((t) => t.label).join('、')}（可省略“残疾”二字）`, example: '肢体残疾', width: 12 },
    { key: 'grade', header: '残疾等级', required: true, note: '一级至四级，可填“一级”“1级”或 1', example: '二级', width: 10 },
    { key: 'change', header: '办证类型', required: true, note: `可填：${DISABILITY_CHANGES.map((t) => t.label).join('、')}`, example: '新办', width: 10 },
    { key: 'date', header: '发证日期', required: true, note: '残疾证发证（变更、注销）日期，如 2026-10-12；须在数据期间内', example: '2026-10-12', width: 12 },
    ADDRESS,
  ],
  unemployment: [
    NAME,
    ID,
    { key: 'date', header: '失业登记日期', required: true, note: '如 2026-10-08；须在数据期间内', example: '2026-10-08', width: 14 },
    { key: 'endDate', header: '失业终止日期', required: false, note: '选填：已就业或注销失业登记的日期，不能早于失业登记日期', example: '', width: 14 },
    { key: 'reason', header: '失业原因', required: false, note: '选填，200字以内', example: '企业裁员', width: 16 },
    ADDRESS,
  ],
  death: [
    NAME,
    ID,
    { key: 'date', header: '死亡日期', required: true, note: '如 2026-10-20；须在数据期间内，不能晚于今天', example: '2026-10-20', width: 12 },
    { key: 'reportedBy', header: '报告单位', required: false, note: '选填：公安派出所、殡葬服务机构等，100字以内', example: '东丽区殡仪馆', width: 16 },
    ADDRESS,
  ],
};

/** Headers a file may carry besides the template's (ignored). */
export const IGNORED_INTAKE_HEADERS = ['序号'];

export function intakeColumn(source: DepartmentSource, key: string): IntakeColumn {
  const c = SOURCE_COLUMNS[source].find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key} for ${source}`);
  return c;
}
