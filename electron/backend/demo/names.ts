/**
 * Plausible Chinese names for the demo street: surnames weighted roughly as in northern China
 * (Tianjin), given names of one or two characters in the style of the person's generation and sex.
 */
import type { Sex } from '../../../shared/id-number';
import { weighted, type Rng } from './random';

/** Surname and relative frequency (per mille, approximate, northern China). */
const SURNAMES: [string, number][] = [
  ['王', 78], ['李', 72], ['张', 74], ['刘', 60], ['陈', 30], ['杨', 36], ['赵', 30], ['黄', 12], ['周', 18],
  ['吴', 16], ['孙', 22], ['高', 20], ['马', 20], ['徐', 16], ['郭', 16], ['韩', 12], ['曹', 10], ['于', 14],
  ['董', 10], ['田', 10], ['宋', 10], ['杜', 8], ['朱', 10], ['冯', 8], ['何', 7], ['石', 8], ['郑', 8],
  ['许', 7], ['梁', 7], ['胡', 9], ['袁', 6], ['邢', 5], ['魏', 7], ['崔', 7], ['谢', 5], ['罗', 5],
  ['肖', 5], ['贾', 6], ['蒋', 4], ['孟', 6], ['付', 6], ['史', 5], ['姜', 6], ['邓', 4], ['唐', 5],
  ['程', 5], ['侯', 5], ['尹', 4], ['薛', 4], ['闫', 5], ['白', 5], ['路', 3], ['常', 4], ['穆', 3],
  ['齐', 4], ['边', 2], ['纪', 3], ['吕', 5], ['苏', 5], ['丁', 5], ['沈', 4], ['任', 5], ['卢', 4],
  ['姚', 4], ['方', 3], ['金', 4], ['谭', 2], ['廖', 1], ['范', 4], ['汪', 2], ['陆', 3], ['贺', 3],
  ['顾', 2], ['毛', 3], ['郝', 4], ['龚', 1], ['邵', 3], ['万', 3], ['钱', 2], ['严', 2], ['覃', 1],
  ['武', 4], ['戴', 3], ['莫', 1], ['孔', 2], ['向', 1], ['汤', 2], ['翟', 3], ['安', 3], ['牛', 3],
  ['耿', 3], ['庞', 2], ['左', 2], ['秦', 3], ['葛', 2], ['殷', 2], ['霍', 2], ['刁', 1], ['慈', 1],
];

export const pickSurname = weighted(SURNAMES);

type Era = 'old' | 'mid' | 'young';

/** Birth year to naming generation. */
export function eraOf(birthYear: number): Era {
  if (birthYear < 1962) return 'old';
  if (birthYear < 1988) return 'mid';
  return 'young';
}

interface Pool {
  /** Whole given names typical of the generation. */
  names: string[];
  /** Characters combined freely into two-character names. */
  first: string;
  second: string;
  /** Single-character given names. */
  single: string;
  /** Share of single-character given names. */
  singleShare: number;
}

const POOLS: Record<Era, Record<Sex, Pool>> = {
  old: {
    male: {
      names: ['建国', '国强', '德明', '振华', '庆祥', '文斌', '玉山', '宝林', '树林', '长顺', '福来', '志刚', '家宝', '保国', '连生', '永利', '洪亮', '金生', '春来', '德顺', '凤岐', '宝山', '广林', '振江', '俊峰', '玉海', '庆余', '文华', '守义', '殿臣'],
      first: '建国德振庆文玉宝树长福志家保连永洪金春广俊守殿凤立学万',
      second: '国强明华祥斌山林顺来刚宝生利亮义臣才起海江田贵富全成',
      single: '顺山林海才福义忠贵全勇',
      singleShare: 0.12,
    },
    female: {
      names: ['秀英', '桂兰', '淑珍', '玉兰', '凤英', '秀兰', '桂芝', '玉珍', '淑兰', '翠兰', '素珍', '秀云', '桂英', '玉芬', '凤兰', '淑琴', '秀珍', '金凤', '玉梅', '淑芬', '桂琴', '秀芳', '春兰', '凤琴', '玉华', '素兰', '秀荣', '淑英', '玉霞', '桂荣'],
      first: '秀桂淑玉凤翠素金春兰荣宝',
      second: '英兰珍芝芬琴云梅华荣芳霞香娥',
      single: '英兰珍芬凤琴霞',
      singleShare: 0.08,
    },
  },
  mid: {
    male: {
      names: ['建军', '立新', '卫东', '红军', '志强', '海涛', '建华', '永刚', '立伟', '春雷', '文杰', '宏伟', '振宇', '国庆', '学军', '东升', '晓明', '建伟', '卫国', '志勇', '金龙', '海洋', '宝军', '庆军', '新民', '立军', '俊杰', '晓东', '红兵', '永强'],
      first: '建立卫红志海永春文宏振国学东晓金宝庆新俊德世家',
      second: '军新东强涛华刚伟雷杰宇庆明勇龙洋民峰辉平波生林',
      single: '剑伟勇军斌涛强磊鹏超辉亮刚波峰',
      singleShare: 0.3,
    },
    female: {
      names: ['丽娟', '海燕', '红梅', '晓红', '艳玲', '丽华', '春燕', '秀梅', '建红', '淑华', '晓燕', '玉梅', '雪梅', '红霞', '丽萍', '艳华', '凤霞', '立红', '桂香', '美玲', '金玲', '淑娟', '丽君', '晓梅', '秀丽', '春艳', '彩霞', '建英', '亚丽', '慧敏'],
      first: '丽海红晓艳春秀建淑玉雪凤立美金亚慧彩',
      second: '娟燕梅红玲华霞萍丽英君敏芳艳静颖琳',
      single: '静艳丽娜敏霞燕红颖洁萍莉',
      singleShare: 0.3,
    },
  },
  young: {
    male: {
      names: ['子轩', '浩然', '宇航', '俊杰', '博文', '梓豪', '天佑', '思远', '浩宇', '一鸣', '嘉豪', '子墨', '铭泽', '皓轩', '宇轩', '泽宇', '梓睿', '佳豪', '明轩', '子豪', '俊熙', '文博', '子航', '晨阳', '鹏飞', '家乐', '雨泽', '志豪', '天宇', '奕辰'],
      first: '子浩宇俊博梓天思一嘉铭皓泽佳明晨鹏家雨志奕文',
      second: '轩然航杰文豪佑远宇鸣墨泽睿熙博阳飞乐辰涵',
      single: '睿宇浩轩阳鑫昊杰博航凯',
      singleShare: 0.15,
    },
    female: {
      names: ['欣怡', '梓涵', '子涵', '雨萱', '诗琪', '佳怡', '一诺', '思彤', '可馨', '语桐', '梦瑶', '若汐', '雨桐', '紫萱', '婧琪', '欣妍', '思雨', '佳琪', '晓彤', '雅婷', '心怡', '梦琪', '诗涵', '雨欣', '嘉怡', '子萱', '静怡', '安琪', '梓萱', '悦彤'],
      first: '欣梓子雨诗佳思可语梦若紫婧晓雅心嘉静安悦',
      second: '怡涵萱琪诺彤馨桐瑶汐妍雨婷欣琳',
      single: '琪萱婷悦妍怡璐蕾彤',
      singleShare: 0.1,
    },
  },
};

/** One character of a string of BMP characters. */
function pickChar(rng: Rng, chars: string): string {
  return chars[Math.floor(rng.next() * chars.length)]!;
}

export function givenName(rng: Rng, sex: Sex, birthYear: number): string {
  const pool = POOLS[eraOf(birthYear)][sex];
  if (rng.chance(pool.singleShare)) return pickChar(rng, pool.single);
  if (rng.chance(0.5)) return rng.pick(pool.names);
  const a = pickChar(rng, pool.first);
  let b = pickChar(rng, pool.second);
  if (b === a) b = pickChar(rng, pool.second);
  return a + b;
}

export function fullName(rng: Rng, sex: Sex, birthYear: number, surname?: string): string {
  return (surname ?? pickSurname(rng)) + givenName(rng, sex, birthYear);
}
