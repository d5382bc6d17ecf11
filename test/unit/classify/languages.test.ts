import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameEvidence, NAME_CATEGORY } from '../../../src/classify/name/name-rules.js';
import { identifierEvidence } from '../../../src/classify/name/identifier-rules.js';
import { tableSubject, tableSubjectWithColumns } from '../../../src/classify/name/table-context.js';
import { analyzeName, foldWord, tokenizeName } from '../../../src/classify/name/tokenize.js';
import { tableLanguages } from '../../../src/classify/name/language-signal.js';
import { FOREIGN_WORDS } from '../../../src/classify/name/lexicon.js';
import { isEnglishWord } from '../../../src/classify/name/vocabulary.js';
import { LANGUAGES } from '../../../src/classify/knowledge/languages/index.js';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { inputsFor } from './column-input.js';

const C = NAME_CATEGORY;
const ID = CATEGORY.uniqueId;

/**
 * The category the names alone propose for each column of a table, read as the classifier reads
 * them: the table's languages from all its names, its subject, then name and identifier rules.
 */
function categoriesOf(tableName: string, columns: readonly string[]): Record<string, string | undefined> {
  const languages = tableLanguages(tableName, columns);
  const { subject, because } = tableSubjectWithColumns(tableName, columns, languages);
  const out: Record<string, string | undefined> = {};
  for (const columnName of columns) {
    const tokens = tokenizeName(columnName, languages);
    const [input] = inputsFor(tableName, [{ name: columnName }]);
    const evidence = [
      ...nameEvidence({ columnName, tokens, tableName, tableSubject: subject, subjectBecause: because, languages }),
      ...identifierEvidence(input, tokens),
    ];
    const best = evidence.filter((e) => !e.veto && e.score >= 0.5).sort((a, b) => b.score - a.score)[0];
    out[columnName] = best?.category === CATEGORY.operations ? undefined : best?.category;
  }
  return out;
}

interface TableCase {
  readonly table: string;
  /** Column → the category its name proposes (undefined: nothing personal). */
  readonly columns: Readonly<Record<string, string | undefined>>;
}

const CASES: Readonly<Record<string, readonly TableCase[]>> = {
  'Portuguese (Brazil)': [
    {
      table: 'clientes',
      columns: {
        id_cliente: ID, nome: CATEGORY.name, sobrenome: CATEGORY.lastName, apelido: CATEGORY.name, cpf: C.nationalId,
        rg: C.nationalId, data_nascimento: CATEGORY.dateOfBirth, dt_nasc: CATEGORY.dateOfBirth, telefone: CATEGORY.phone,
        celular: CATEGORY.phone, email: CATEGORY.email, senha: CATEGORY.password, logradouro: CATEGORY.street,
        complemento: CATEGORY.street, bairro: CATEGORY.city, cidade: CATEGORY.city, uf: CATEGORY.state, estado: CATEGORY.state,
        cep: CATEGORY.postalCode, sexo: C.gender, nome_usuario: CATEGORY.username, data_cadastro: undefined,
      },
    },
    { table: 'fornecedores', columns: { cnpj: undefined, razao_social: undefined, nome_fantasia: undefined, uf: undefined } },
    { table: 'pedidos', columns: { id_pedido: undefined, codigo_cliente: ID, valor_total: undefined } },
  ],
  'Portuguese (Portugal)': [
    {
      table: 'utilizadores',
      columns: {
        nome: CATEGORY.name, apelido: CATEGORY.lastName, telemovel: CATEGORY.phone, morada: CATEGORY.street,
        codigo_postal: CATEGORY.postalCode, concelho: CATEGORY.city, freguesia: CATEGORY.city, palavra_passe: CATEGORY.password,
        nif: C.nationalId, cartao_cidadao: C.nationalId,
      },
    },
  ],
  Spanish: [
    {
      table: 'clientes',
      columns: {
        id_cliente: ID, nombre: CATEGORY.name, primer_apellido: CATEGORY.lastName, fecha_nac: CATEGORY.dateOfBirth,
        telefono_movil: CATEGORY.phone, direccion: CATEGORY.street, colonia: CATEGORY.city, codigo_postal: CATEGORY.postalCode,
        curp: C.nationalId, rfc: C.nationalId, num_tarjeta: CATEGORY.creditCard, cuenta_bancaria: C.bankAccount,
        estado: undefined, fecha_alta: undefined,
      },
    },
    { table: 'proveedores', columns: { nombre: undefined, rfc: undefined, telefono: CATEGORY.phone } },
    { table: 'ventas', columns: { cod_cliente: ID, cod_producto: undefined, importe: undefined, fecha_valor: undefined } },
  ],
  Italian: [
    {
      table: 'anagrafica_clienti',
      columns: {
        nome: CATEGORY.name, cognome: CATEGORY.lastName, codice_fiscale: C.nationalId, cf: C.nationalId,
        data_nascita: CATEGORY.dateOfBirth, indirizzo: CATEGORY.street, civico: CATEGORY.street, cap: CATEGORY.postalCode,
        comune: CATEGORY.city, cellulare: CATEGORY.phone, pec: CATEGORY.email, eta: C.ageRange, partita_iva: undefined,
      },
    },
    { table: 'fornitori', columns: { ragione_sociale: undefined, partita_iva: undefined } },
  ],
  Dutch: [
    {
      table: 'klanten',
      columns: {
        klant_id: ID, voornaam: CATEGORY.firstName, voorletters: CATEGORY.name, tussenvoegsel: CATEGORY.name,
        achternaam: CATEGORY.lastName, geboortedatum: CATEGORY.dateOfBirth, huisnummer: CATEGORY.street,
        woonplaats: CATEGORY.city, emailadres: CATEGORY.email, bsn: C.nationalId, iban: C.bankAccount,
      },
    },
    { table: 'leveranciers', columns: { naam: undefined, leverancier_id: undefined } },
  ],
  German: [
    { table: 'kunden', columns: { vorname: CATEGORY.firstName, nachname: CATEGORY.lastName, land: CATEGORY.country, alter: C.ageRange } },
  ],
  Polish: [
    {
      table: 'klienci',
      columns: {
        id_klienta: ID, imie: CATEGORY.firstName, nazwisko: CATEGORY.lastName, pesel: C.nationalId, data_urodzenia: CATEGORY.dateOfBirth,
        telefon: CATEGORY.phone, ulica: CATEGORY.street, nr_domu: CATEGORY.street, kod_pocztowy: CATEGORY.postalCode,
        miasto: CATEGORY.city, wojewodztwo: CATEGORY.state, płeć: C.gender, hasło: CATEGORY.password,
        nazwa_uzytkownika: CATEGORY.username, nip: undefined, regon: undefined,
      },
    },
    { table: 'pracownicy', columns: { imie: CATEGORY.firstName, stanowisko: C.jobTitle, wynagrodzenie: C.financial } },
  ],
  Swedish: [
    {
      table: 'kunder',
      columns: {
        kund_id: ID, förnamn: CATEGORY.firstName, efternamn: CATEGORY.lastName, personnummer: C.nationalId,
        födelsedatum: CATEGORY.dateOfBirth, telefon: CATEGORY.phone, gatuadress: CATEGORY.street, postnummer: CATEGORY.postalCode,
        ort: CATEGORY.city, kön: C.gender, lösenord: CATEGORY.password, e_post: CATEGORY.email, användarnamn: CATEGORY.username,
      },
    },
  ],
  Danish: [
    {
      table: 'kunder',
      columns: {
        fornavn: CATEGORY.firstName, efternavn: CATEGORY.lastName, cpr: C.nationalId, fødselsdato: CATEGORY.dateOfBirth,
        gade: CATEGORY.street, postnr: CATEGORY.postalCode, by: CATEGORY.city, køn: C.gender, adgangskode: CATEGORY.password,
        brugernavn: CATEGORY.username, created_by: ID,
      },
    },
  ],
  Norwegian: [
    {
      table: 'ansatte',
      columns: {
        fornavn: CATEGORY.firstName, etternavn: CATEGORY.lastName, fødselsnummer: C.nationalId, fødselsdato: CATEGORY.dateOfBirth,
        gate: CATEGORY.street, poststed: CATEGORY.city, kjønn: C.gender, passord: CATEGORY.password, brukernavn: CATEGORY.username,
      },
    },
  ],
  Turkish: [
    {
      table: 'müşteriler',
      columns: {
        musteri_id: ID, ad: CATEGORY.name, soyad: CATEGORY.lastName, adı_soyadı: CATEGORY.name, tc_kimlik_no: C.nationalId,
        tckn: C.nationalId, doğum_tarihi: CATEGORY.dateOfBirth, cep_telefonu: CATEGORY.phone, adres: CATEGORY.street,
        il: CATEGORY.state, ilçe: CATEGORY.city, posta_kodu: CATEGORY.postalCode, cinsiyet: C.gender, şifre: CATEGORY.password,
        e_posta: CATEGORY.email, kullanıcı_adı: CATEGORY.username, kayit_tarihi: undefined,
      },
    },
    { table: 'hastalar', columns: { hasta_no: ID, ad: CATEGORY.name, soyadi: CATEGORY.lastName } },
  ],
  'Japanese (romanized)': [
    {
      table: 'kokyaku',
      columns: {
        kokyaku_id: ID, sei: CATEGORY.lastName, mei: CATEGORY.firstName, sei_kana: CATEGORY.lastName, shimei: CATEGORY.name,
        furigana: CATEGORY.name, seinengappi: CATEGORY.dateOfBirth, seibetsu: C.gender, denwa_bango: CATEGORY.phone,
        keitai_denwa: CATEGORY.phone, yuubin_bangou: CATEGORY.postalCode, todofuken: CATEGORY.state, shi: CATEGORY.city,
        juusho: CATEGORY.street, meru_adoresu: CATEGORY.email, pasuwaado: CATEGORY.password, mainanba: C.nationalId,
      },
    },
    { table: 'kaiin', columns: { kaiin_no: ID, namae: CATEGORY.name, tanjoubi: CATEGORY.dateOfBirth, ken: CATEGORY.state } },
    { table: 'shohin', columns: { shohin_id: undefined, namae: undefined } },
    // Legacy Japanese: `_mei` after a noun is its name, `_cd` its code.
    {
      table: 'kokyaku_mst',
      columns: {
        kokyaku_cd: ID, kokyaku_mei: CATEGORY.name, kokyaku_mei_kana: CATEGORY.name, mei_kana: CATEGORY.firstName,
        yubin_no: CATEGORY.postalCode, tel_no: CATEGORY.phone, seibetsu_kbn: C.gender, toroku_dt: undefined,
      },
    },
    { table: 'shohin_mst', columns: { shohin_cd: undefined, shohin_mei: undefined, shohin_mei_kana: undefined, tanka: undefined } },
    // Names split into numbered columns put the family name first; `kana` is a name's reading, `pref` a prefecture.
    {
      table: 'kaiin_meibo',
      columns: {
        name1: CATEGORY.lastName, name2: CATEGORY.firstName, kana_1: CATEGORY.lastName, kana_2: CATEGORY.firstName,
        pref: CATEGORY.state, tel1: CATEGORY.phone, tel2: CATEGORY.phone, zip1: CATEGORY.postalCode,
      },
    },
    // Even in a table of orders: things have no family and given names.
    { table: 'chumon', columns: { chumon_name1: CATEGORY.lastName, chumon_name2: CATEGORY.firstName, chumon_kana1: CATEGORY.lastName, chumon_state: undefined } },
    { table: 'shohin_kanri', columns: { shohin_name1: undefined, shohin_kana: undefined, kana: undefined } },
  ],
  'Korean (romanized)': [
    {
      table: 'gogaek',
      columns: {
        gogaek_id: ID, ireum: CATEGORY.name, seong: CATEGORY.lastName, saengnyeonwolil: CATEGORY.dateOfBirth,
        jeonhwa_beonho: CATEGORY.phone, hyudaepon: CATEGORY.phone, juso: CATEGORY.street, upyeon_beonho: CATEGORY.postalCode,
        seongbyeol: C.gender, jumin_beonho: C.nationalId, imeil: CATEGORY.email, bimil_beonho: CATEGORY.password, si: CATEGORY.city,
      },
    },
    { table: 'gogaek_myeongbu', columns: { ireum1: CATEGORY.lastName, ireum2: CATEGORY.firstName } },
  ],
  'Chinese (pinyin)': [
    {
      table: 'kehu',
      columns: {
        kehu_id: ID, xingming: CATEGORY.name, xing: CATEGORY.lastName, ming: CATEGORY.firstName, xingbie: C.gender,
        chusheng_riqi: CATEGORY.dateOfBirth, shouji: CATEGORY.phone, dizhi: CATEGORY.street, youbian: CATEGORY.postalCode,
        shenfenzheng_hao: C.nationalId, youxiang: CATEGORY.email, mima: CATEGORY.password, sheng: CATEGORY.state,
      },
    },
    { table: 'ryxx', columns: { xm: CATEGORY.name, xb: C.gender, csrq: CATEGORY.dateOfBirth, sfzh: C.nationalId, lxdh: CATEGORY.phone } },
  ],
  // Look-alikes: the short words of other languages are English (or codes) here.
  'English look-alikes': [
    { table: 'ad_stats', columns: { ad_campaign: undefined, ad: undefined, il_count: undefined, ad_id: undefined, impressions: undefined } },
    { table: 'flights', columns: { gate: undefined, gate_code: undefined, terminal: undefined, created_by: ID } },
    { table: 'locations', columns: { ort_id: undefined, land_use: undefined, land_area: undefined, eta: undefined, shi: undefined, ken: undefined } },
    { table: 'sessions', columns: { sei: undefined, mei: undefined, xing: undefined, uf: undefined, rg: undefined, by: undefined, kon: undefined } },
    { table: 'users', columns: { email_subscribed: undefined, salaries: C.financial, elev: undefined, alter: undefined } },
    // Numbered names of an English table are not split family-first; `pref` there is a preference.
    { table: 'members', columns: { name1: CATEGORY.name, name2: CATEGORY.name, email: CATEGORY.email, pref: undefined, contact_pref: undefined } },
  ],
};

describe.each(Object.entries(CASES))('%s column names', (_language, cases) => {
  it.each(cases.map((c) => [c.table, c]))('in %s', (_table, { table, columns }) => {
    expect(categoriesOf(table, Object.keys(columns))).toEqual(columns);
  });
});

describe('table language signal', () => {
  it.each([
    ['müşteriler', ['ad', 'soyad', 'telefon'], 'tr'],
    ['kokyaku', ['sei', 'mei'], 'ja'],
    ['kaiin', ['sei', 'mei'], 'ja'],
    ['clientes', ['nome', 'cpf', 'uf'], 'pt-BR'],
    ['kisi', ['ad'], 'tr'],
  ] as const)('%s with %j is %s', (table, columns, language) => {
    expect(tableLanguages(table, columns)).toContain(language);
  });

  it.each([
    ['ads', ['ad', 'il_count', 'campaign']],
    ['members', ['sei', 'mei']],
    ['flights', ['gate', 'created_by']],
    ['users', ['email', 'first_name', 'created_at']],
  ] as const)('%s with %j has no language', (table, columns) => {
    expect(tableLanguages(table, columns)).toEqual([]);
  });

  it('reads an ambiguous word only in its language, and an English one only as the whole name', () => {
    expect(tokenizeName('ad', ['tr']).join(' ')).toBe('name');
    expect(tokenizeName('ad')).toEqual(['ad']);
    expect(tokenizeName('ad_campaign', ['tr']).join(' ')).toBe('name campaign');
    expect(tokenizeName('by', ['da']).join(' ')).toBe('city');
    expect(tokenizeName('created_by', ['da']).join(' ')).toBe('created by');
    // The same analysis object when nothing is ambiguous: rule memos keyed on it stay valid.
    expect(analyzeName('soyad', ['tr'])).toBe(analyzeName('soyad'));
  });

  it('lets the Brazilian reading of apelido (nickname) win over the European one (surname)', () => {
    expect(tokenizeName('apelido').join(' ')).toBe('last name');
    expect(tokenizeName('apelido', ['pt-BR']).join(' ')).toBe('nickname');
    expect(analyzeName('apelido', ['pt-BR']).notes).toEqual([{ kind: 'synonym', from: 'apelido', to: 'nickname', languages: ['pt-BR'] }]);
  });

  it('gives the classifier the table languages (Turkish ad is a name, the same column of an English table is not)', async () => {
    const classifier = createHeuristicClassifier({ recognizers: [] });
    const turkish = await classifier.classify(inputsFor('musteriler', [{ name: 'ad' }, { name: 'soyad' }, { name: 'il' }]));
    // `ad` beside `soyad` (the family name) is the given name (name/given-name-context.ts).
    expect(turkish.map((r) => r.categories[0])).toEqual([CATEGORY.firstName, CATEGORY.lastName, CATEGORY.state]);
    expect(turkish[2].evidence.find((e) => e.factor === 'name')?.reason).toBe("column name 'il' reads as 'province' ('il' is Turkish for 'province')");
    const english = await classifier.classify(inputsFor('ads', [{ name: 'ad' }, { name: 'il' }, { name: 'clicks' }]));
    expect(english.map((r) => r.categories[0])).toEqual([CATEGORY.operations, CATEGORY.operations, CATEGORY.operations]);
  });
});

describe('table subjects in every language', () => {
  it.each([
    ['clientes', 'person'], ['pacientes', 'person'], ['funcionarios', 'person'], ['alunos', 'person'], ['kunden', 'person'],
    ['musteriler', 'person'], ['kisiler', 'person'], ['uyeler', 'person'], ['hastalar', 'person'], ['klienci', 'person'],
    ['pracownicy', 'person'], ['kunder', 'person'], ['ansatte', 'person'], ['medarbejdere', 'person'], ['anstallda', 'person'],
    ['kokyaku', 'person'], ['tbl_kokyaku_master', 'person'], ['m_kaiin', 'person'], ['gogaek', 'person'], ['kehu', 'person'],
    ['yuangong', 'person'], ['dipendenti', 'person'], ['medewerkers', 'person'],
    ['fornecedores', 'thing'], ['proveedores', 'thing'], ['tedarikciler', 'thing'], ['urunler', 'thing'], ['leveranciers', 'thing'],
    ['dostawcy', 'thing'], ['leverantorer', 'thing'], ['shohin', 'thing'], ['siparisler', 'thing'], ['dingdan', 'thing'],
  ] as const)('%s holds a %s', (table, subject) => {
    expect(tableSubject(table)).toBe(subject);
  });
});

describe('ledger words', () => {
  // Amounts, prices, balances and booking or due dates are measures and events: they veto look-alike
  // readings of their values (a phone number, a card number, a birth date).
  it.each([
    ['importe', 'amount'], ['montante', 'amount'], ['importo', 'amount'], ['bedrag', 'amount'], ['betrag', 'amount'],
    ['montant', 'amount'], ['kwota', 'amount'], ['tutar', 'amount'], ['kingaku', 'amount'], ['saldo', 'balance'],
    ['fecha_vencimiento', 'date due'], ['data_lancamento', 'data booking'], ['boekdatum', 'booking date'],
    ['buchungsdatum', 'booking date'], ['data_scadenza', 'data expiry'],
  ])('%s → %s', (name, words) => {
    expect(tokenizeName(name).join(' ')).toBe(words);
  });
});

describe('folding, endings and respellings', () => {
  it.each([
    ['Płeć', 'plec'],
    ['Kjønn', 'kjonn'],
    ['Træ', 'trae'],
    ['Şifre', 'sifre'],
    ['İl', 'il'],
    ['Adı', 'adi'],
    ['Ülke', 'ulke'],
    ['Lösenord', 'losenord'],
  ])('%s folds to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it.each([
    ['musteriler', 'customer'],
    ['kullanicilar', 'user'],
    ['fornecedores', 'supplier'],
    ['proveedores', 'supplier'],
    ['fornitori', 'supplier'],
    ['medewerkers', 'employee'],
    ['adressen', 'address'],
    ['pasienter', 'patient'],
    ['numarasi', 'number'],
    ['juusho', 'address'],
    ['yuubin_bangou', 'postal number'],
    ['pasuwaado', 'password'],
    ['zyusyo', 'address'],
    ['e_post', 'email'],
    ['e-posta', 'email'],
    // English plurals stay English
    ['salaries', 'salary'],
    ['categories', 'category'],
  ])('%s → %s', (name, words) => {
    expect(tokenizeName(name).join(' ')).toBe(words);
  });

  it('names the language in the note', () => {
    expect(analyzeName('musteriler').notes).toEqual([{ kind: 'synonym', from: 'musteriler', to: 'customer', languages: ['tr'] }]);
    expect(analyzeName('sobrenome').notes[0].languages).toEqual(['pt-BR']);
  });
});

describe('language entries', () => {
  const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/classify/knowledge/languages');

  it('lists every language file in the index, each code once', () => {
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'english.ts'].includes(f));
    expect(LANGUAGES).toHaveLength(files.length);
    expect(new Set(LANGUAGES.map((l) => l.code)).size).toBe(LANGUAGES.length);
    for (const required of ['de', 'fr', 'es', 'nl', 'pt', 'pt-BR', 'pt-PT', 'it', 'pl', 'sv', 'da', 'no', 'tr', 'ja', 'ko', 'zh']) {
      expect(LANGUAGES.map((l) => l.code)).toContain(required);
    }
  });

  it('writes every word lowercase and folded, and a word either plain or ambiguous within one language', () => {
    for (const language of LANGUAGES) {
      const keys = [...Object.keys(language.words), ...Object.keys(language.ambiguous ?? {}), ...(language.phrases ?? []).flatMap(([from]) => from)];
      for (const key of keys) expect(foldWord(key), `${language.code}: ${key}`).toBe(key);
      for (const key of Object.keys(language.ambiguous ?? {})) expect(Object.hasOwn(language.words, key), `${language.code}: ${key}`).toBe(false);
    }
  });

  it('keeps English words out of the plain words (they go to ambiguous)', () => {
    // Older entries that mean the same in English.
    const sameInEnglish = new Set(['credit', 'religion', 'telephone']);
    const english = [...FOREIGN_WORDS.keys()].filter((w) => isEnglishWord(w) && !sameInEnglish.has(w));
    expect(english).toEqual([]);
  });
});
