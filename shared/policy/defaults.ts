/**
 * Default policy parameters a new street starts with: DATA, each with its effective date and the
 * source it comes from (../shared/DOMAIN.md §1 and the district's work plan 津丽民发〔2020〕13号).
 * Figures marked 【未核实】 were not found in an official source: they are placeholders to be
 * confirmed with 天津市民政局 and corrected on the 政策参数 screen (a dated change, audited).
 * Keys without any known figure (特困照料护理标准, the two disability subsidies, 就业奖励) are not
 * seeded: the app asks for them when a rule needs them. DEMO_PARAM_DEFAULTS fills those for the
 * demo street only, clearly marked as demo values.
 */
import { DEFAULT_AGREEMENT_TEMPLATE } from '../care/default-template';

export interface ParamDefault {
  key: string;
  value: unknown;
  effectiveFrom: string;
  note: string;
}

const PLAN = '东丽区《社会救助脱贫攻坚兜底保障行动工作方案》津丽民发〔2020〕13号';

export const PARAM_DEFAULTS: readonly ParamDefault[] = [
  { key: 'dibao.standard', value: 86000, effectiveFrom: '2017-04-01', note: '城乡统一860元（转载页面，DOMAIN §1.1 [V-mirror]）' },
  { key: 'dibao.standard', value: 92000, effectiveFrom: '2018-04-01', note: '860→920元，央广网转载（DOMAIN §1.1 [V-mirror]）' },
  { key: 'dibao.standard', value: 98000, effectiveFrom: '2019-04-01', note: '【未核实】980元，未找到来源，请向市民政局核实' },
  { key: 'dibao.standard', value: 101000, effectiveFrom: '2020-04-01', note: '【未核实】1010元，未找到来源，请向市民政局核实' },
  { key: 'dibao-edge.upperPercent', value: 150, effectiveFrom: '2016-01-01', note: '低保标准的150%（天津2016年起，DOMAIN §1.3 [V-mirror]）' },
  { key: 'dibao-edge.aidPercent', value: 30, effectiveFrom: '2016-01-01', note: '每户每月低保标准的30%（天津，DOMAIN §1.3 [V-mirror]）' },
  { key: 'tekun.support.institution', value: 178000, effectiveFrom: '2018-04-01', note: '城乡集中供养1720→1780元（DOMAIN §1.2 [V-mirror]）；2019年后【未核实】' },
  { key: 'tekun.support.home', value: 138000, effectiveFrom: '2018-04-01', note: '农村分散供养1290→1380元（1.5×920，DOMAIN §1.2 [V-mirror]）；2019年后【未核实】' },
  { key: 'allowance.orphan', value: 60000, effectiveFrom: '2010-01-01', note: '【未核实】散居孤儿不低于600元（安徽、芜湖2015年下限，天津标准未找到）' },
  { key: 'allowance.unsupportedChild', value: 60000, effectiveFrom: '2019-06-01', note: '【未核实】参照散居孤儿标准（民发〔2019〕62号；天津标准未找到）' },
  { key: 'disability.livingSubsidyCategories', value: ['dibao', 'dibao-edge'], effectiveFrom: '2016-01-01', note: '低保、低保边缘家庭的残疾人（国发〔2015〕52号；范围【未核实】，可扩大）' },
  { key: 'epidemic.workCostDeduction', value: 50000, effectiveFrom: '2020-06-12', note: `每月扣减务工成本500元，直至疫情结束（${PLAN} 二(五)）` },
  { key: 'epidemic.rulesInForce', value: true, effectiveFrom: '2020-06-12', note: `疫情防控期间兜底保障措施（${PLAN} 二(五)）` },
  { key: 'epidemic.rulesInForce', value: false, effectiveFrom: '2023-01-08', note: '【未核实】以新冠“乙类乙管”（2023-01-08）为疫情结束日，请核实' },
  { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2020-06-12', note: `疫情防控期间暂停低保对象退出（${PLAN} 二(五)）` },
  { key: 'epidemic.exitsSuspended', value: false, effectiveFrom: '2023-01-08', note: '【未核实】随疫情防控措施结束，请核实' },
  { key: 'temporary.urgentHours', value: 24, effectiveFrom: '2020-06-12', note: `急难型临时救助24小时内完成审核审批（${PLAN} 二(五)）` },
  { key: 'temporary.streetLimitMonths', value: 6, effectiveFrom: '2020-06-12', note: '6个月低保标准以内由街道审批（天津日报2021-08-30转载，DOMAIN §4 [V-mirror]）' },
  // 照料服务 (issue 6)
  { key: 'care.visitIntervalDays', value: 31, effectiveFrom: '2020-06-12', note: '【未核实】探视责任人每月至少探访一次（参照安徽省2022年分散供养特困人员照料服务指引，DOMAIN §2.2），待区民政局确认' },
  { key: 'care.renewalNoticeDays', value: 30, effectiveFrom: '2020-06-12', note: '协议到期前30日提醒续签（工作惯例，可调整）' },
  { key: 'care.agreementTermMonths', value: 12, effectiveFrom: '2020-06-12', note: '协议默认期限一年（工作惯例，可调整）' },
  { key: 'care.cardValidityMonths', value: 12, effectiveFrom: '2020-06-12', note: '照料服务卡有效期一年（工作惯例，可调整）' },
  { key: 'care.agreementTemplate', value: DEFAULT_AGREEMENT_TEMPLATE, effectiveFrom: '2020-06-12', note: `协议范本初稿，条款参照DOMAIN §2.2所列协议和${PLAN} 二(三)，待区民政局修订` },
];

/** Extra values for the demo street only: invented figures, so the demo shows complete lists. */
export const DEMO_PARAM_DEFAULTS: readonly ParamDefault[] = [
  { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', note: '演示数据：非真实标准' },
  { key: 'disability.livingSubsidy', value: 10000, effectiveFrom: '2016-01-01', note: '演示数据：非真实标准' },
  { key: 'disability.careSubsidy', value: 10000, effectiveFrom: '2016-01-01', note: '演示数据：非真实标准' },
  { key: 'tekun.care.full', value: 20000, effectiveFrom: '2018-04-01', note: '演示数据：非真实标准' },
  { key: 'tekun.care.partial', value: 60000, effectiveFrom: '2018-04-01', note: '演示数据：非真实标准' },
  { key: 'tekun.care.none', value: 120000, effectiveFrom: '2018-04-01', note: '演示数据：非真实标准' },
];
