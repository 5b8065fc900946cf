/**
 * The agreement template a new street starts with: DATA, seeded once as the policy parameter
 * `care.agreementTemplate` (effective-dated). The district revises it by setting a new value with a
 * later effective date; agreements keep the wording they were drawn up with.
 * Source: modelled on the clauses listed in DOMAIN.md §2.2 (习水县 and Anhui 2022 examples) and the
 * work plan 二(三); to be confirmed and revised by 东丽区民政局.
 */
import type { AgreementTemplate } from './template';

export const DEFAULT_AGREEMENT_TEMPLATE: AgreementTemplate = {
  title: '分散供养特困人员委托照料服务协议',
  version: '东丽区2020年版',
  preamble:
    '为落实《东丽区社会救助脱贫攻坚兜底保障行动工作方案》（津丽民发〔2020〕13号）关于分散供养特困人员照料服务的要求，' +
    '保障供养对象“平日有人照应、生病有人看护”，经供养对象本人（或其监护人）同意，甲方委托乙方为供养对象提供照料服务。' +
    '三方本着自愿、平等、诚信的原则，签订本协议。',
  sections: [
    {
      heading: '第一条　供养对象基本情况',
      clauses: [
        '供养对象{{person.name}}，身份证号码{{person.idNumber}}，住址{{person.address}}，经评估为{{person.selfCare}}，照料等级为{{careLevel}}。',
      ],
    },
    {
      heading: '第二条　协议期限',
      clauses: ['本协议期限自{{startDate}}起至{{endDate}}止。期满前三十日内，经甲方评估合格的，可以续签。'],
    },
    {
      heading: '第三条　服务内容与标准',
      clauses: [
        '乙方为供养对象提供以下服务：{{services}}。',
        '乙方应做到平日有人照应、生病有人看护：每日查看供养对象的饮食起居和身体状况；供养对象患病时及时送医并陪护；定期排查居所用火、用电、用气等安全隐患。',
        '供养对象出现病情变化、意外伤害、走失或其他紧急情况时，乙方应立即采取必要措施，并在2小时内报告社区（村）和甲方。',
      ],
    },
    {
      heading: '第四条　探访与监督',
      clauses: [
        '甲方及社区（村）工作人员对供养对象的探访间隔不超过{{visitFrequency}}，检查照料服务落实情况并记录在案。',
        '甲方通过入户探访、电话回访、邻里走访等方式对乙方的服务进行监督评估。',
      ],
    },
    {
      heading: '第五条　照料护理补贴',
      clauses: ['甲方按月向乙方发放照料护理补贴{{subsidy}}。补贴标准按区民政局公布的标准执行，标准调整时按新标准执行。'],
    },
    {
      heading: '第六条　各方权利义务',
      clauses: [
        '甲方负责落实供养对象的基本生活、照料护理、医疗、住房、丧葬等供养政策，组织生活自理能力评估，确定照料等级，监督乙方履行协议。',
        '乙方应具有完全民事行为能力，尊重供养对象的人格尊严和个人意愿，不得侵占、挪用供养对象的财物和供养金。',
        '丙方（供养对象或其监护人）有权对乙方的服务提出意见，并向甲方或监督电话反映情况。',
      ],
    },
    {
      heading: '第七条　违约责任与协议解除',
      clauses: [
        '乙方未尽照料责任，经甲方督促仍不改正，或有虐待、遗弃、侵占供养对象财物等行为的，甲方有权解除本协议，另行委托照料服务人，乙方造成损失的依法承担责任。',
        '供养对象死亡、被宣告失踪或死亡、纳入集中供养或不再符合特困人员条件的，本协议自动终止。',
        '乙方因故不能继续履行协议的，应提前三十日书面告知甲方。',
      ],
    },
    {
      heading: '第八条　其他',
      clauses: ['本协议未尽事宜由三方协商解决。本协议一式三份，甲、乙、丙三方各执一份，自三方签字（盖章）之日起生效。'],
    },
  ],
  closing: '',
};
