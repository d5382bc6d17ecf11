/**
 * Turkish column- and table-name words (`ı` folds to `i`; `ş`, `ç`, `ğ`, `ö`, `ü` fold by
 * themselves). Plurals (`-ler`/`-lar`) and the possessive (`soyadı`, `numarası`) are endings.
 */
import { LAST, DOB, POSTAL, MOBILE, DRIVERS } from './english.js';
import type { LanguageEntry } from './types.js';

export const tr: LanguageEntry = {
  code: 'tr',
  name: 'Turkish',
  words: {
    adi: ['name'], isim: ['name'], isimi: ['name'], soyad: LAST, soyadi: LAST, soyisim: LAST, adsoyad: ['full', 'name'],
    dogum: ['birth'], tarih: ['date'], tarihi: ['date'], dogumtarihi: DOB, yeri: ['place'], gunu: ['day'], telefon: ['phone'],
    gsm: MOBILE, adres: ['address'], ilce: ['city'], mahalle: ['neighborhood'], sokak: ['street'], cadde: ['street'],
    sehir: ['city'], ulke: ['country'], postakodu: POSTAL, kod: ['code'], kodu: ['code'], cinsiyet: ['gender'], eposta: ['email'],
    sifre: ['password'], parola: ['password'], kullanici: ['user'], kullaniciadi: ['username'], musteri: ['customer'],
    personel: ['employee'], calisan: ['employee'], hastalar: ['patient'], ogrenci: ['student'], uye: ['member'],
    kisi: ['person'], tckn: ['national', 'id'], tckimlik: ['national', 'id'], kimlik: ['national', 'id'], uyruk: ['nationality'],
    medeni: ['marital'], meslek: ['occupation'], unvan: ['job', 'title'], maas: ['salary'], sirket: ['company'],
    tedarikci: ['supplier'], urun: ['product'], siparis: ['order'], fatura: ['invoice'], hesap: ['account'], kart: ['card'],
    kredi: ['credit'], pasaport: ['passport'], ehliyet: DRIVERS, vergi: ['tax'], numara: ['number'], enlem: ['latitude'],
    boylam: ['longitude'],
    tutar: ['amount'], fiyat: ['price'], miktar: ['quantity'], bakiye: ['balance'], kayit: ['registration'], odeme: ['payment'],
    vade: ['due'],
    // The parties of an invoice or receipt, and the parts of a Turkish address.
    alici: ['recipient'], satici: ['seller'], gonderici: ['sender'], odeyen: ['payer'], makbuz: ['receipt'], belge: ['document'],
    bina: ['building'], kapi: ['house'], blok: ['building'], daire: ['house', 'number'], bulvar: ['street'], koy: ['town'],
    kasaba: ['town'], semt: ['district'], vkn: ['tax', 'number'], vergino: ['tax', 'number'],
  },
  phrases: [
    [['dogum', 'tarihi'], DOB],
    [['dogum', 'yeri'], ['birth', 'place']],
    [['cep', 'telefonu'], MOBILE],
    [['cep', 'tel'], MOBILE],
    [['cep', 'no'], MOBILE],
    [['posta', 'kodu'], POSTAL],
    [['kullanici', 'adi'], ['username']],
    [['ad', 'soyad'], ['full', 'name']],
    [['adi', 'soyadi'], ['full', 'name']],
    [['medeni', 'hal'], ['marital', 'status']],
    [['medeni', 'durum'], ['marital', 'status']],
    [['vergi', 'no'], ['tax', 'number']],
  ],
  ambiguous: {
    // `ad` (name) and `il` (province) are short; `hasta` (patient) is Spanish for "until"; `tc` the republic's initials.
    ad: ['name'], il: ['province'], hasta: ['patient'], tc: ['national'], din: ['religion'], yas: ['age'],
  },
  letters: { ı: 'i' },
  endings: [['leri', ''], ['lari', ''], ['ler', ''], ['lar', ''], ['si', ''], ['su', ''], ['i', ''], ['u', '']],
};
