/** Romanized Korean (Revised Romanization, with common older spellings) column- and table-name words. */
import { LAST, DOB, POSTAL, PHONE_NUMBER, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const ko: LanguageEntry = {
  code: 'ko',
  name: 'Korean (romanized)',
  words: {
    ireum: ['name'], irum: ['name'], seongmyeong: ['full', 'name'], seongham: ['full', 'name'], saengnyeonwolil: DOB,
    saengnyeonwol: DOB, saengil: ['birthday'], jeonhwa: ['phone'], jeonhwabeonho: PHONE_NUMBER, beonho: ['number'],
    hyudaepon: MOBILE, hyudaejeonhwa: MOBILE, haendeupon: MOBILE, juso: ['address'], upyeon: ['postal'], upyeonbeonho: POSTAL,
    seongbyeol: ['gender'], imeil: ['email'], bimilbeonho: ['password'], jumin: ['national', 'id'],
    juminbeonho: ['national', 'id', 'number'], deungnok: ['registration'], sayongja: ['user'], hoewon: ['member'],
    hoiwon: ['member'], gogaek: ['customer'], gogaeg: ['customer'], jigwon: ['employee'], jikwon: ['employee'],
    hwanja: ['patient'], haksaeng: ['student'], gukjeok: ['nationality'], jigeop: ['occupation'], jikeop: ['occupation'],
    hoesa: ['company'], sangpum: ['product'], jumun: ['order'], geupyeo: ['salary'], yeonbong: ['salary'], gyejwa: ['account'],
    gyejwabeonho: BANK_ACCOUNT, eunhaeng: ['bank'], yeogwon: ['passport'], myeonheo: ['license'], unjeon: ['driving'],
    unjeonmyeonheo: DRIVERS, yeollyeong: ['age'], yeonryeong: ['age'], gugga: ['country'], gukga: ['country'],
  },
  phrases: [
    [['bimil', 'beonho'], ['password']],
    [['jeonhwa', 'beonho'], PHONE_NUMBER],
    [['upyeon', 'beonho'], POSTAL],
    [['gyejwa', 'beonho'], BANK_ACCOUNT],
    [['jumin', 'beonho'], ['national', 'id', 'number']],
  ],
  ambiguous: {
    // `seong` alone is the family name (in `seongbyeol` it is sex); `si`/`gu`/`dong` are city, district, neighbourhood.
    seong: LAST, si: ['city'], gu: ['city'], dong: ['neighborhood'], nai: ['age'],
  },
  familyNameFirst: true,
};
