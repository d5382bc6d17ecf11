/**
 * Romanized Japanese (Hepburn) column- and table-name words. Long vowels (`juusho`, `bangou`,
 * `pasuwaado`) and Kunrei spellings (`zyusyo`) are respelt to the short Hepburn form first.
 */
import { FIRST, LAST, DOB, POSTAL, PHONE_NUMBER, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const ja: LanguageEntry = {
  code: 'ja',
  name: 'Japanese (romanized)',
  words: {
    namae: ['name'], shimei: ['full', 'name'], seimei: ['full', 'name'], myoji: LAST, furigana: ['name', 'reading'],
    // A kana column holds the phonetic reading of a name written in kanji (`kana`, `company_kana`).
    yomigana: ['name', 'reading'], kana: ['name', 'reading'], yomi: ['reading'], seinengappi: DOB, seinen: ['birth'], gappi: ['date'],
    tanjobi: ['birthday'], denwa: ['phone'], denwabango: PHONE_NUMBER, bango: ['number'], keitai: MOBILE,
    keitaidenwa: MOBILE, jusho: ['address'], yubin: ['postal'], yubinbango: POSTAL, todofuken: ['prefecture'],
    shikuchoson: ['city'], banchi: ['house', 'number'], seibetsu: ['gender'], meru: ['email'], meruadoresu: ['email', 'address'],
    adoresu: ['address'], pasuwado: ['password'], anshobango: ['pin'], kaiin: ['member'], kokyaku: ['customer'],
    okyakusama: ['customer'], shain: ['employee'], jugyoin: ['employee'], shokuin: ['staff'], kanja: ['patient'],
    gakusei: ['student'], seito: ['student'], riyosha: ['user'], yuza: ['user'], torihikisaki: ['partner'],
    shiiresaki: ['supplier'], kaisha: ['company'], kigyo: ['company'], shohin: ['product'], chumon: ['order'],
    seikyusho: ['invoice'], kyuyo: ['salary'], nenrei: ['age'], kokuseki: ['nationality'], shokugyo: ['occupation'],
    kinmusaki: ['employer'], yakushoku: ['job', 'title'], ginko: ['bank'], koza: ['account'], kozabango: BANK_ACCOUNT,
    mainanba: ['national', 'id'], kojin: ['personal'], kojinbango: ['national', 'id', 'number'], ryoken: ['passport'],
    menkyo: ['license'], unten: ['driving'], untenmenkyo: DRIVERS, hoken: ['insurance'], kenko: ['health'],
    byomei: ['diagnosis'], shindan: ['diagnosis'], ketsuekigata: ['blood', 'type'], keido: ['longitude'],
    tanka: ['price'], kakaku: ['price'], suryo: ['quantity'], kingaku: ['amount'], zandaka: ['balance'], toroku: ['registered'],
    koshin: ['updated'], sakujo: ['deleted'], kubun: ['type'], kbn: ['type'], shiharai: ['payment'],
    // A mail magazine is a newsletter (`mailmaga_flg`: whether the person receives it).
    merumaga: ['newsletter'], mailmaga: ['newsletter'], merumagajin: ['newsletter'],
  },
  phrases: [
    [['denwa', 'bango'], PHONE_NUMBER],
    [['yubin', 'bango'], POSTAL],
    [['koza', 'bango'], BANK_ACCOUNT],
    [['kojin', 'bango'], ['national', 'id', 'number']],
    [['seinen', 'gappi'], DOB],
    [['keitai', 'denwa'], MOBILE],
  ],
  ambiguous: {
    // One-syllable words and short ones every language has: `sei` (family name), `mei` (given name),
    // `ken` (prefecture), `shi`/`ku`/`cho` (city, ward, town), `ido` (latitude).
    sei: LAST, mei: FIRST, ken: ['prefecture'], shi: ['city'], ku: ['city'], cho: ['city'], machi: ['city'], ido: ['latitude'],
    // Japanese schemas abbreviate 都道府県 (prefecture) as `pref`; elsewhere it is a preference.
    pref: ['prefecture'],
  },
  familyNameFirst: true,
  // 名 after a noun names it: `kokyaku_mei` (customer name), `shohin_mei` (product name).
  ambiguousAfterWord: { mei: ['name'] },
  respellings: [['ou', 'o'], ['uu', 'u'], ['oo', 'o'], ['aa', 'a'], ['ee', 'e'], ['ii', 'i'], ['jy', 'j'], ['sy', 'sh'], ['zy', 'j'], ['ty', 'ch']],
};
