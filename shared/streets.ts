/**
 * Dongli District (120110) streets. Street codes follow the 12-digit statistical division code
 * pattern 120110xxx000; communities below are used by the demo generator and as set-up defaults.
 */
export const DONGLI_AREA_CODE = '120110';

export interface StreetPreset {
  code: string;
  name: string;
  communities: string[];
}

export const DONGLI_STREETS: StreetPreset[] = [
  { code: '120110001000', name: '张贵庄街道', communities: ['詹滨西里社区', '詹滨东里社区', '振华里社区', '荣华里社区', '跃进里社区', '兴农里社区', '东杨台社区', '塘汉路社区'] },
  { code: '120110002000', name: '丰年村街道', communities: ['丰年村社区', '五经路社区', '津塘里社区', '利津路社区', '先锋东里社区'] },
  { code: '120110003000', name: '万新街道', communities: ['万新村社区', '海颂园社区', '畅悦园社区', '香邑花园社区', '和顺园社区'] },
  { code: '120110004000', name: '无瑕街道', communities: ['无瑕花园社区', '新袁庄社区', '大毕庄社区', '春霞里社区'] },
  { code: '120110005000', name: '新立街道', communities: ['新立村社区', '东杨场社区', '宝元村社区', '小东庄社区'] },
  { code: '120110006000', name: '华明街道', communities: ['华明家园社区', '胡张庄社区', '永和社区', '弘顺园社区'] },
  { code: '120110007000', name: '金钟街道', communities: ['金钟新市镇社区', '徐庄子社区', '欢坨村', '大杨村'] },
  { code: '120110008000', name: '军粮城街道', communities: ['军粮城新市镇社区', '刘台村', '苗街村', '南大村'] },
  { code: '120110009000', name: '金桥街道', communities: ['金桥新苑社区', '赤土村', '新兴村', '务本村'] },
  { code: '120110010000', name: '华新街道', communities: ['华新家园社区', '金禧园社区', '雅韵园社区', '丽新园社区'] },
  { code: '120110011000', name: '东丽湖街道', communities: ['东丽湖社区', '万科城社区', '恒大绿洲社区', '景荟苑社区'] },
];

export function findStreet(code: string): StreetPreset | undefined {
  return DONGLI_STREETS.find((s) => s.code === code);
}
