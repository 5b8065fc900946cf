/**
 * Default policy parameters a new street starts with: DATA, each with its effective date and the
 * source it comes from (../shared/DOMAIN.md §1 and the district's work plan 津丽民发〔2020〕13号).
 * Figures marked 【未核实】 were not found in an official source: they are placeholders to be
 * confirmed with 天津市民政局 and corrected on the 政策参数 screen (a dated change, audited).
 * Keys without any known figure (the two disability subsidies, 就业奖励) are not seeded: the app
 * asks for them when a rule needs them. DEMO_PARAM_DEFAULTS fills those for the demo street only,
 * clearly marked as demo values.
 */
import { DEFAULT_AGREEMENT_TEMPLATE } from '../care/default-template';

export interface ParamDefault {
  key: string;
  value: unknown;
  effectiveFrom: string;
  note: string;
}

const PLAN = '东丽区《社会救助脱贫攻坚兜底保障行动工作方案》津丽民发〔2020〕13号';
/** The two notices whose text was read (DOMAIN §1.1 [V]). */
const TJ2019 = '天津日报2019-04-03（中国政府网转载）';
/** DOMAIN §7: the Tianjin measures on reforming social assistance (复审 cycles). */
const TJ_MEASURES = '天津市《关于改革完善社会救助制度的措施》（市委办公厅、市政府办公厅）';
const TJ2025 = '津民规〔2025〕6号（天津市民政局、天津市财政局，2025-08-29）';
/** A warning rule's default: the indicator is the national monitoring model's, the figures the office's. */
const WARN = (what: string) =>
  `${what}（DOMAIN §7：2023年起全国低收入人口动态监测的预警指标）；【未核实】天津未公布具体金额与处置时限，此为初始值，由区民政局设定`;

export const PARAM_DEFAULTS: readonly ParamDefault[] = [
  { key: 'dibao.standard', value: 86000, effectiveFrom: '2017-04-01', note: '城乡统一860元（转载页面，DOMAIN §1.1 [V-mirror]）' },
  { key: 'dibao.standard', value: 92000, effectiveFrom: '2018-04-01', note: '860→920元，央广网转载（DOMAIN §1.1 [V-mirror]）' },
  { key: 'dibao.standard', value: 98000, effectiveFrom: '2019-04-01', note: `${TJ2019}：“从4月1日起，城乡低保标准由每人每月920元调整为980元”（DOMAIN §1.1 [V]）` },
  { key: 'dibao.standard', value: 101000, effectiveFrom: '2020-04-01', note: `1010元：${TJ2025}称其为调整前标准（DOMAIN §1.1 [V]）；【未核实】起始日期未找到，2020-04-01为推定，请向市民政局核实` },
  { key: 'dibao.standard', value: 104500, effectiveFrom: '2025-09-01', note: `${TJ2025}：“本市最低生活保障标准由每人每月1010元统一调整为每人每月1045元”（DOMAIN §1.1 [V]）` },
  { key: 'dibao-edge.upperPercent', value: 150, effectiveFrom: '2016-01-01', note: '低保标准的150%（天津2016年起，DOMAIN §1.3 [V-mirror]）' },
  { key: 'dibao-edge.aidPercent', value: 30, effectiveFrom: '2016-01-01', note: '每户每月低保标准的30%（天津，DOMAIN §1.3 [V-mirror]）；有“每户每月救助金额”时按金额' },
  { key: 'dibao-edge.aidAmount', value: 29400, effectiveFrom: '2019-04-01', note: `${TJ2019}：低收入家庭救助金每户每月294元（DOMAIN §1.1 [V]）` },
  { key: 'dibao-edge.aidAmount', value: 30300, effectiveFrom: '2020-04-01', note: `303元：${TJ2025}称其为调整前标准（DOMAIN §1.1 [V]）；【未核实】起始日期未找到，推定与1010元低保标准同日` },
  { key: 'dibao-edge.aidAmount', value: 31400, effectiveFrom: '2025-09-01', note: `${TJ2025}：“符合发放救助金条件的最低生活保障边缘家庭救助标准由每户每月303元调整为每户每月314元”（DOMAIN §1.1 [V]）` },
  { key: 'tekun.support.urban', value: 178000, effectiveFrom: '2018-04-01', note: '城乡集中供养1720→1780元，城市特困同标准（DOMAIN §1.2 [V-mirror]）' },
  { key: 'tekun.support.urban', value: 184000, effectiveFrom: '2019-04-01', note: `${TJ2019}：城市特困人员供养标准1780→1840元（DOMAIN §1.1 [V]）` },
  { key: 'tekun.support.urban', value: 187000, effectiveFrom: '2025-09-01', note: `${TJ2025}：“特困人员供养标准不作调整，即城市特困人员供养标准为每人每月1870元”（DOMAIN §1.1 [V]）；此前起始日期【未核实】` },
  { key: 'tekun.support.institution', value: 178000, effectiveFrom: '2018-04-01', note: '城乡集中供养1720→1780元（DOMAIN §1.2 [V-mirror]）' },
  { key: 'tekun.support.institution', value: 184000, effectiveFrom: '2019-04-01', note: `${TJ2019}：农村特困集中供养1840元（DOMAIN §1.1 [V]）` },
  { key: 'tekun.support.institution', value: 187000, effectiveFrom: '2025-09-01', note: `${TJ2025}：“农村特困人员供养（农村五保供养）的集中供养标准为每人每月1870元”（DOMAIN §1.1 [V]）；此前起始日期【未核实】` },
  { key: 'tekun.support.home', value: 138000, effectiveFrom: '2018-04-01', note: '农村分散供养1290→1380元（1.5×920，DOMAIN §1.2 [V-mirror]）' },
  { key: 'tekun.support.home', value: 147000, effectiveFrom: '2019-04-01', note: `${TJ2019}：农村特困分散供养1380→1470元（DOMAIN §1.1 [V]）` },
  { key: 'tekun.support.home', value: 153000, effectiveFrom: '2025-09-01', note: `${TJ2025}：“分散供养标准为每人每月1530元”（DOMAIN §1.1 [V]）；此前起始日期【未核实】` },
  { key: 'tekun.care.full', value: 0, effectiveFrom: '2018-04-01', note: '【未核实】具备生活自理能力的特困人员不享受照料护理补贴：天津日报转载文字只列部分丧失、完全丧失两档（DOMAIN §1.2）' },
  { key: 'tekun.care.partial', value: 40000, effectiveFrom: '2018-04-01', note: '“部分丧失生活自理能力的特困人员每人每月400元”（天津日报转载，DOMAIN §1.2 [V-mirror]）；【未核实】生效日期原文未载，2018-04-01为推定' },
  { key: 'tekun.care.none', value: 80000, effectiveFrom: '2018-04-01', note: '“完全丧失生活自理能力的特困人员每人每月800元”（天津日报转载，DOMAIN §1.2 [V-mirror]）；【未核实】生效日期原文未载，2018-04-01为推定' },
  { key: 'allowance.orphan', value: 60000, effectiveFrom: '2010-01-01', note: '【未核实】散居孤儿不低于600元（安徽、芜湖2015年下限，天津标准未找到）' },
  { key: 'allowance.unsupportedChild', value: 60000, effectiveFrom: '2019-06-01', note: '【未核实】参照散居孤儿标准（民发〔2019〕62号；天津标准未找到）' },
  { key: 'allowance.childAgeLimit', value: 18, effectiveFrom: '2010-01-01', note: '未满18周岁（孤儿：国办发〔2010〕54号；事实无人抚养儿童：民发〔2019〕62号，DOMAIN §1.4 [V-mirror]）；满18周岁次月停发为工作口径' },
  { key: 'disability.livingSubsidyCategories', value: ['dibao', 'dibao-edge'], effectiveFrom: '2016-01-01', note: '低保、低保边缘家庭的残疾人（国发〔2015〕52号；范围【未核实】，可扩大）' },
  { key: 'disability.severeGrades', value: ['1', '2'], effectiveFrom: '2016-01-01', note: '重度残疾：一、二级残疾（民政部2021年低保边缘家庭审核确认办法，DOMAIN §1.3 [V]）；【未核实】2016-01-01为两项补贴起始日（国发〔2015〕52号）' },
  { key: 'disability.severeGrade3Categories', value: ['5', '6'], effectiveFrom: '2016-01-01', note: '重度残疾：三级智力、精神残疾（民政部2021年低保边缘家庭审核确认办法，DOMAIN §1.3 [V]）；【未核实】2016-01-01为两项补贴起始日' },
  // 低保渐退 (津丽民发〔2020〕13号 二(二)); the plan's text, the start date before it 【未核实】 (DOMAIN §3: not found online).
  { key: 'dibao.gradualExit.fullMonths', value: 3, effectiveFrom: '2016-01-01', note: `${PLAN} 二(二)：“前三个月按其家庭原领取低保金的100%发放，后三个月按50%发放，实现稳定脱困后再退出低保范围”；起始日期【未核实】，2016-01-01为推定` },
  { key: 'dibao.gradualExit.fullPercent', value: 100, effectiveFrom: '2016-01-01', note: `${PLAN} 二(二)：“前三个月按其家庭原领取低保金的100%发放，后三个月按50%发放，实现稳定脱困后再退出低保范围”；起始日期【未核实】，2016-01-01为推定` },
  { key: 'dibao.gradualExit.reducedMonths', value: 3, effectiveFrom: '2016-01-01', note: `${PLAN} 二(二)：“前三个月按其家庭原领取低保金的100%发放，后三个月按50%发放，实现稳定脱困后再退出低保范围”；起始日期【未核实】，2016-01-01为推定` },
  { key: 'dibao.gradualExit.reducedPercent', value: 50, effectiveFrom: '2016-01-01', note: `${PLAN} 二(二)：“前三个月按其家庭原领取低保金的100%发放，后三个月按50%发放，实现稳定脱困后再退出低保范围”；起始日期【未核实】，2016-01-01为推定` },
  { key: 'epidemic.workCostDeduction', value: 50000, effectiveFrom: '2020-06-12', note: `每月扣减务工成本500元，直至疫情结束（${PLAN} 二(五)）` },
  { key: 'epidemic.rulesInForce', value: true, effectiveFrom: '2020-06-12', note: `疫情防控期间兜底保障措施（${PLAN} 二(五)）` },
  { key: 'epidemic.rulesInForce', value: false, effectiveFrom: '2023-01-08', note: '【未核实】以新冠“乙类乙管”（2023-01-08）为疫情结束日，请核实' },
  { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2020-06-12', note: `疫情防控期间暂停低保对象退出（${PLAN} 二(五)）` },
  { key: 'epidemic.exitsSuspended', value: false, effectiveFrom: '2023-01-08', note: '【未核实】随疫情防控措施结束，请核实' },
  { key: 'temporary.urgentHours', value: 24, effectiveFrom: '2020-06-12', note: `急难型临时救助24小时内完成审核审批（${PLAN} 二(五)）` },
  { key: 'temporary.streetLimitMonths', value: 6, effectiveFrom: '2020-06-12', note: '6个月低保标准以内由街道审批（天津日报2021-08-30转载，DOMAIN §4 [V-mirror]）' },
  { key: 'temporary.papersDueDays', value: 5, effectiveFrom: '2020-06-12', note: '【未核实】天津只规定“可先行救助，再履行相关手续”（天津日报2021-08-30转载，DOMAIN §4），未定补齐期限；5日参照山东省急难型临时救助“手续5日内补齐”（DOMAIN §4），待区民政局确认' },
  // 照料服务 (issue 6)
  { key: 'care.visitIntervalDays', value: 31, effectiveFrom: '2020-06-12', note: '【未核实】探视责任人每月至少探访一次（参照安徽省2022年分散供养特困人员照料服务指引，DOMAIN §2.2），待区民政局确认' },
  { key: 'care.renewalNoticeDays', value: 30, effectiveFrom: '2020-06-12', note: '协议到期前30日提醒续签（工作惯例，可调整）' },
  { key: 'care.agreementTermMonths', value: 12, effectiveFrom: '2020-06-12', note: '协议默认期限一年（工作惯例，可调整）' },
  { key: 'care.cardValidityMonths', value: 12, effectiveFrom: '2020-06-12', note: '照料服务卡有效期一年（工作惯例，可调整）' },
  { key: 'care.agreementTemplate', value: DEFAULT_AGREEMENT_TEMPLATE, effectiveFrom: '2020-06-12', note: `协议范本初稿，条款参照DOMAIN §2.2所列协议和${PLAN} 二(三)，待区民政局修订` },
  // 复审 (issue 17): DOMAIN §7; the measures' own start date was not found.
  { key: 'review.cycleMonths.stable', value: 12, effectiveFrom: '2016-01-01', note: `${TJ_MEASURES}：特困人员和家庭情况变化不大的低保、低收入家庭每年复审一次（DOMAIN §7 [V-mirror] 转述，原文措辞未见）；起始日期【未核实】，2016-01-01为推定` },
  { key: 'review.cycleMonths.unsteady', value: 6, effectiveFrom: '2016-01-01', note: `${TJ_MEASURES}：收入不稳定且有劳动能力成员的低保家庭每半年复审一次（DOMAIN §7 [V-mirror] 转述，原文措辞未见）；起始日期【未核实】，2016-01-01为推定` },
  { key: 'review.noticeDays', value: 30, effectiveFrom: '2016-01-01', note: '到期前30日列入待复审名单（工作惯例，可调整）' },
  // 定期调度与通报 (issue 15): each line the plan's own requirement, so any shortfall is marked
  {
    key: 'reports.laggingLines',
    value: { coverageMinBp: 10000, overdueItemsMax: 0, urgentWithin24hMinBp: 10000, careFourHasMinBp: 10000 },
    effectiveFrom: '2020-06-12',
    note: `${PLAN}：排查覆盖率100%（二(一)“全覆盖的月排查”）；超期问题0件（二(一)“有效监督流程时限，直至救助完结”）；急难型临时救助24小时内审批率100%（二(五)“量化到24小时内完成审核审批手续”）；“四有”落实率100%（二(三)“全面落实分散供养人员‘四有’”）；未达者按四(四)“定期调度……采取通报、约谈等方式督促整改”。区民政局可按阶段调整`,
  },
  // 预警规则 (issue 17): DOMAIN §7 names the indicators (医疗自付 above a threshold or a sudden rise, a new 残疾证,
  // 失业登记, death, enrolled households that no longer seem to qualify) but no Tianjin figure: the amounts,
  // windows and time limits below are the office's to set.
  { key: 'warnings.medical-month', value: { thresholdFen: 500000, dueWorkingDays: 10 }, effectiveFrom: '2023-01-01', note: WARN('当月医疗自付达到5000元') },
  { key: 'warnings.medical-year', value: { thresholdFen: 2000000, windowMonths: 12, dueWorkingDays: 10 }, effectiveFrom: '2023-01-01', note: WARN('近12个月医疗自付累计达到2万元') },
  { key: 'warnings.medical-rise', value: { risePercent: 100, windowMonths: 12, minMonthFen: 200000, dueWorkingDays: 10 }, effectiveFrom: '2023-01-01', note: WARN('当月医疗自付比前12个月月均上升100%以上且当月达到2000元') },
  { key: 'warnings.disability-severe', value: { dueWorkingDays: 10 }, effectiveFrom: '2023-01-01', note: WARN('重度残疾的认定沿用“重度残疾”参数（一、二级；三级智力、精神）') },
  { key: 'warnings.unemployment-marginal', value: { dueWorkingDays: 10 }, effectiveFrom: '2023-01-01', note: WARN('低保边缘家庭成员办理失业登记') },
  { key: 'warnings.death-paid', value: { dueWorkingDays: 5 }, effectiveFrom: '2023-01-01', note: WARN('在保（享受待遇）人员死亡，应退尽退，时限较短') },
  { key: 'warnings.income-over-line', value: { dueWorkingDays: 10 }, effectiveFrom: '2023-01-01', note: WARN('在保家庭登记收入超过其保障标准') },
  // 留守 records per person (issue 17): ${PLAN} 二(四) asks for records entered, updated and managed dynamically
  { key: 'leftBehind.childAgeBelow', value: 16, effectiveFrom: '2016-02-04', note: '【未核实】农村留守儿童指父母双方外出务工或一方外出务工另一方无监护能力、不满十六周岁的未成年人（国发〔2016〕13号，原文未在本项目核对）' },
  { key: 'leftBehind.womanAgeFrom', value: 18, effectiveFrom: '2016-02-04', note: '工作口径：留守妇女按成年女性（年满18周岁）建档；【未核实】无正式文件定义，待区妇联、民政局确认' },
  { key: 'leftBehind.elderlyAgeFrom', value: 60, effectiveFrom: '2017-12-29', note: '【未核实】农村留守老年人指年满60周岁、子女离开户籍地外出务工经商而留在农村生活的老年人（民发〔2017〕193号，原文未在本项目核对）' },
  { key: 'leftBehind.spouseAwayMonths', value: 6, effectiveFrom: '2016-02-04', note: '【未核实】丈夫外出务工半年（6个月）以上（常用统计口径，issue 17所述；正式文件未找到）' },
  { key: 'leftBehind.updateCadenceMonths', value: 3, effectiveFrom: '2020-06-12', note: `工作惯例：每季度核实更新一次（${PLAN} 二(四)“信息录入、更新完善，实现数据动态更新”未定周期；【未核实】可调整）` },
];

/** Extra values for the demo street only: invented figures, so the demo shows complete lists. */
export const DEMO_PARAM_DEFAULTS: readonly ParamDefault[] = [
  { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', note: '演示数据：非真实标准' },
  { key: 'disability.livingSubsidy', value: 10000, effectiveFrom: '2016-01-01', note: '演示数据：非真实标准' },
  { key: 'disability.careSubsidy', value: 10000, effectiveFrom: '2016-01-01', note: '演示数据：非真实标准' },
];
