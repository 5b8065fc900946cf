/**
 * Chinese names of the synced columns, for the 同步 page's list of refused changes: staff see "姓名＝张三",
 * never "name＝张三". A column missing here is counted as "其他字段" rather than shown raw.
 */
const LABELS: Record<string, string> = {
  name: '姓名/名称', display_name: '显示名', username: '用户名', role: '角色', disabled: '停用',
  id_number: '身份证号码', sex: '性别', birth_date: '出生日期', died_on: '死亡日期', ethnicity: '民族', marital_status: '婚姻状况',
  relation: '与户主关系', phone: '联系电话', address: '住址', hukou_type: '户籍类型', categories: '救助类别',
  category: '类别', status: '状态', note: '备注', notes: '备注', health: '健康状况', disability_category: '残疾类别',
  disability_grade: '残疾等级', labour_capacity: '劳动能力', employment: '就业情况', incomes: '收入',
  community_id: '社区（村）', grid_id: '网格', household_id: '家庭', person_id: '人员', code: '代码', kind: '类型',
  office_name: '办公室名称', sort_order: '排序', key: '参数', value: '取值', effective_from: '生效日期',
  visit_date: '走访日期', visited_on: '探访日期', method: '方式', situation: '情况', findings: '发现的问题',
  worker_name: '网格员', worker_phone: '网格员电话', visitor_name: '探访人', visitor_kind: '探访人类别',
  source: '来源', urgency: '紧急程度', description: '问题描述', deadline: '处置时限', due_at: '到期时间',
  handler_name: '经办人', measures: '处置措施', result: '处置结果', reason: '原因', department: '部门',
  sent_on: '转介日期', received_on: '签收日期', replied_on: '答复日期', reply: '答复', follow_up_at: '跟进提醒',
  programme: '救助项目', step: '环节', decision_note: '审批意见', amount_fen: '金额', monthly_amount_fen: '月救助金',
  start_month: '起始月份', end_month: '终止月份', start_date: '起始日期', end_date: '终止日期',
  signed_date: '签订日期', terminated_date: '解除日期', termination_reason: '解除原因', caregiver_id: '照料服务人',
  agreement_id: '照料协议', card_number: '卡号', issued_date: '发卡日期', valid_from: '有效期自', valid_to: '有效期至',
  service_items: '服务项目', services: '服务内容', visit_interval_days: '探访间隔', self_care_level: '自理能力',
  care_level: '照料等级', contacts: '联系人', hospital: '就近医院', hospital_phone: '医院电话', conditions: '病情',
  content: '内容', summary: '摘要', action: '操作', transfer_date: '转入日期', transfer_institution: '供养机构',
  guardian_name: '监护人', guardian_phone: '监护人电话', contact_name: '联系人', contact_phone: '联系电话',
  item_no: '台账编号', external_id: '线索编号', sender: '报送系统', community_name: '社区（村）名称', received_at: '接收时间',
  item_id: '台账事项', handled_at: '处理时间', handled_by: '处理人', dismiss_reason: '不予立项原因',
  bank_name: '开户银行', bank_account: '银行账号', account_holder: '账户名', deleted_at: '删除',
  // payment batches (issue 12)
  month: '月份', batch_id: '发放批次', seq: '序号', for_month: '所属月份', covered_persons: '保障人数', basis: '核定依据',
  figures: '核定数据', source_ref: '依据记录', row_count: '条数', total_fen: '合计金额', digest: '明细摘要',
  bank_file_digest: '银行代发文件摘要', generated_at: '生成时间', generated_by: '生成人', confirmed_at: '确认时间',
  confirmed_by: '确认人', paid_at: '发放时间', paid_by: '发放登记人', enrolment_id: '保障记录',
};

export function fieldLabel(column: string): string | null {
  return Object.prototype.hasOwnProperty.call(LABELS, column) ? LABELS[column]! : null;
}
