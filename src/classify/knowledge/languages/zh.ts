/**
 * Chinese in pinyin (no tones) column- and table-name words, with the common initialisms of
 * Chinese legacy schemas (`csrq` 出生日期, `sfzh` 身份证号, `lxdh` 联系电话).
 */
import { LAST, FIRST, DOB, POSTAL, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

const ID_CARD_NUMBER = ['id', 'card', 'number'];

export const zh: LanguageEntry = {
  code: 'zh',
  name: 'Chinese (pinyin)',
  words: {
    xingming: ['full', 'name'], mingzi: ['name'], xingshi: LAST, mingcheng: ['name'], shengri: ['birthday'], chusheng: ['birth'],
    riqi: ['date'], chushengriqi: DOB, csrq: DOB, dianhua: ['phone'], shouji: MOBILE, shoujihao: MOBILE, haoma: ['number'],
    hao: ['number'], lianxi: ['contact'], lianxidianhua: ['contact', 'phone'], lxdh: ['contact', 'phone'], sjhm: MOBILE,
    dizhi: ['address'], zhuzhi: ['address'], jiatingzhuzhi: ['home', 'address'], jtzz: ['home', 'address'], youbian: POSTAL,
    youzhengbianma: POSTAL, yzbm: POSTAL, chengshi: ['city'], shengfen: ['province'], xingbie: ['gender'], youxiang: ['email'],
    dianziyouxiang: ['email'], dzyx: ['email'], mima: ['password'], yonghu: ['user'], yonghuming: ['username'],
    zhanghao: ['account'], kehu: ['customer'], guke: ['customer'], yuangong: ['employee'], zhigong: ['employee'],
    huanzhe: ['patient'], bingren: ['patient'], xuesheng: ['student'], huiyuan: ['member'], shenfenzheng: ['id', 'card'],
    shenfenzhenghao: ID_CARD_NUMBER, shenfenzhenghaoma: ID_CARD_NUMBER, sfzh: ID_CARD_NUMBER, sfzhm: ID_CARD_NUMBER,
    zjhm: ID_CARD_NUMBER, huzhao: ['passport'], jiashizheng: DRIVERS, nianling: ['age'], minzu: ['ethnicity'],
    guoji: ['nationality'], hunyin: ['marital'], zhiye: ['occupation'], zhiwu: ['job', 'title'], gongsi: ['company'],
    danwei: ['employer'], gongzuodanwei: ['employer'], gongzi: ['salary'], xinzi: ['salary'], yinhang: ['bank'],
    yinhangka: ['bank', 'card'], kahao: ['card', 'number'], yinhangzhanghao: BANK_ACCOUNT, chanpin: ['product'],
    shangpin: ['product'], dingdan: ['order'], gongyingshang: ['supplier'],
  },
  phrases: [
    [['chusheng', 'riqi'], DOB],
    [['shenfenzheng', 'hao'], ID_CARD_NUMBER],
    [['shenfenzheng', 'haoma'], ID_CARD_NUMBER],
    [['yinhang', 'zhanghao'], BANK_ACCOUNT],
    [['hunyin', 'zhuangkuang'], ['marital', 'status']],
  ],
  ambiguous: {
    // One syllable says little (`xing` is also 性 sex, `ming` also 名 any name); `jingdu`/`weidu` are also precision/dimension.
    xing: LAST, ming: FIRST, xm: ['full', 'name'], xb: ['gender'], sfz: ['id', 'card'], sheng: ['province'], shi: ['city'],
    qu: ['city'], xian: ['county'], jingdu: ['longitude'], weidu: ['latitude'],
  },
  familyNameFirst: true,
};
