/**
 * National and financial identifiers with their real check digits, for the generated values of the
 * unseen evaluation corpora (test/fixtures/unseen, spec `id:<kind>`). Each kind has a generator and an
 * independent validator; `breakChecksum` makes the messy variant (`id:<kind>!<share>`): the same
 * shape with a wrong check character, as test data and typos leave in real tables.
 */
/** The randomness a generator needs: a uniform integer in [min, max]. */
export interface IdRandom {
  int(min: number, max: number): number;
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const pick = (rnd: IdRandom, chars: string): string => chars[rnd.int(0, chars.length - 1)];
const digits = (rnd: IdRandom, n: number): string => Array.from({ length: n }, () => pick(rnd, DIGITS)).join('');
const toDigits = (s: string): number[] => [...s].map(Number);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const onlyAlnum = (s: string): string => s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

function luhnCheckDigit(payload: string): number {
  let sum = 0;
  toDigits(payload)
    .reverse()
    .forEach((d, i) => {
      const v = i % 2 === 0 ? d * 2 : d;
      sum += v > 9 ? v - 9 : v;
    });
  return (10 - (sum % 10)) % 10;
}
const luhnValid = (s: string): boolean => /^\d+$/.test(s) && luhnCheckDigit(s.slice(0, -1)) === Number(s.at(-1));

/** A birth date as [yyyy, mm, dd] between 1930 and 2015. */
function birthDate(rnd: IdRandom): [number, number, number] {
  const year = rnd.int(1930, 2015);
  const month = rnd.int(1, 12);
  return [year, month, rnd.int(1, 28)];
}

// ---------- Brazil ----------
function sirenNumber(rnd: IdRandom): string {
  const payload = String(rnd.int(1, 9)) + digits(rnd, 7);
  return payload + luhnCheckDigit(payload);
}

function cpfDigit(body: string): number {
  const ds = toDigits(body);
  const sum = ds.reduce((a, d, i) => a + d * (ds.length + 1 - i), 0);
  const r = (sum * 10) % 11;
  return r === 10 ? 0 : r;
}
function cnpjDigit(body: string): number {
  const weights = body.length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const r = toDigits(body).reduce((a, d, i) => a + d * weights[i], 0) % 11;
  return r < 2 ? 0 : 11 - r;
}

// ---------- Spain ----------
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const nieNumber = (s: string): number => Number('XYZ'.indexOf(s[0]) + s.slice(1, 8));

// ---------- Mexico ----------
const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
function curpDigit(body17: string): number {
  const sum = [...body17].reduce((a, c, i) => a + CURP_CHARS.indexOf(c) * (18 - i), 0);
  return (10 - (sum % 10)) % 10;
}
const RFC_CHARS = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
function rfcDigit(body: string): string {
  const padded = body.padStart(12, ' ');
  const sum = [...padded].reduce((a, c, i) => a + RFC_CHARS.indexOf(c) * (13 - i), 0);
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'A' : String(r);
}
const MX_STATES = ['AS', 'BC', 'CL', 'DF', 'GT', 'JC', 'MC', 'NL', 'PL', 'QT', 'SP', 'VZ', 'YN'];
const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXYZ';
const VOWELS = 'AEIOU';

// ---------- Italy ----------
const CF_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Values of the characters in odd positions (1st, 3rd, ...): digits and the letters A-J share them.
const CF_ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const cfOdd = (c: string): number => CF_ODD_VALUES[CF_CHARS.indexOf(c)];
const cfEven = (c: string): number => (/\d/.test(c) ? Number(c) : UPPER.indexOf(c));
function codiceFiscaleChar(body15: string): string {
  const sum = [...body15].reduce((a, c, i) => a + (i % 2 === 0 ? cfOdd(c) : cfEven(c)), 0);
  return UPPER[sum % 26];
}
const CF_MONTHS = 'ABCDEHLMPRST';

// ---------- Germany ----------
function steuerIdDigit(body10: string): number {
  let product = 10;
  for (const d of toDigits(body10)) {
    let sum = (d + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

// ---------- India ----------
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];
function verhoeffDigit(payload: string): number {
  let c = 0;
  toDigits(payload)
    .reverse()
    .forEach((d, i) => (c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][d]]));
  return VERHOEFF_INV[c];
}

// ---------- Japan ----------
function myNumberDigit(body11: string): number {
  const ds = toDigits(body11).reverse();
  const sum = ds.reduce((a, p, i) => a + p * (i + 1 <= 6 ? i + 2 : i - 4), 0);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

// ---------- IBAN ----------
function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return r;
}
const ibanNumeric = (s: string): string => [...s].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
function composeIban(country: string, bban: string): string {
  const check = 98 - mod97(ibanNumeric(bban + country + '00'));
  return country + pad(check, 2) + bban;
}
/** BBAN makers per country; national check digits where the country has them (ES, FR, PL). */
const BBAN: Record<string, (rnd: IdRandom) => string> = {
  DE: (rnd) => digits(rnd, 8) + digits(rnd, 10),
  ES: (rnd) => {
    const bank = digits(rnd, 4);
    const branch = digits(rnd, 4);
    const account = digits(rnd, 10);
    const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    const dc = (s: string) => {
      const r = 11 - (toDigits(s).reduce((a, d, i) => a + d * w[i], 0) % 11);
      return r === 11 ? 0 : r === 10 ? 1 : r;
    };
    return bank + branch + String(dc('00' + bank + branch)) + String(dc(account)) + account;
  },
  FR: (rnd) => {
    const bank = digits(rnd, 5);
    const branch = digits(rnd, 5);
    const account = digits(rnd, 11);
    const key = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
    return bank + branch + account + pad(key, 2);
  },
  GB: (rnd) => Array.from({ length: 4 }, () => pick(rnd, UPPER)).join('') + digits(rnd, 14),
  BR: (rnd) => digits(rnd, 8) + digits(rnd, 5) + digits(rnd, 10) + 'C' + '1',
  PL: (rnd) => {
    // The 8-digit sort code ends in a check digit (weights 3, 9, 7, 1, 3, 9, 7).
    const branch = digits(rnd, 7);
    const w = [3, 9, 7, 1, 3, 9, 7];
    return branch + String((10 - (toDigits(branch).reduce((a, d, i) => a + d * w[i], 0) % 10)) % 10) + digits(rnd, 16);
  },
  IT: (rnd) => pick(rnd, UPPER) + digits(rnd, 5) + digits(rnd, 5) + digits(rnd, 12),
  TR: (rnd) => digits(rnd, 5) + '0' + digits(rnd, 16),
};

// ---------- the kinds ----------

export interface IdKind {
  generate(rnd: IdRandom, variant?: string): string;
  validate(value: string): boolean;
}

export const ID_KINDS = {
  cpf: {
    generate: (rnd) => {
      const body = digits(rnd, 9);
      const d1 = cpfDigit(body);
      return body + d1 + cpfDigit(body + d1);
    },
    validate: (v) => {
      const s = v.replace(/[.\-\s]/g, '');
      return /^\d{11}$/.test(s) && !/^(\d)\1{10}$/.test(s) && cpfDigit(s.slice(0, 9)) === Number(s[9]) && cpfDigit(s.slice(0, 10)) === Number(s[10]);
    },
  },
  cnpj: {
    generate: (rnd) => {
      const body = digits(rnd, 8) + '0001';
      const d1 = cnpjDigit(body);
      return body + d1 + cnpjDigit(body + d1);
    },
    validate: (v) => {
      const s = v.replace(/[./\-\s]/g, '');
      return /^\d{14}$/.test(s) && cnpjDigit(s.slice(0, 12)) === Number(s[12]) && cnpjDigit(s.slice(0, 13)) === Number(s[13]);
    },
  },
  ssn: {
    generate: (rnd) => {
      let area = rnd.int(1, 899);
      if (area === 666) area = 665;
      return `${pad(area, 3)}-${pad(rnd.int(1, 99), 2)}-${pad(rnd.int(1, 9999), 4)}`;
    },
    validate: (v) => {
      const m = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(v);
      if (!m) return false;
      const area = Number(m[1]);
      return area !== 0 && area !== 666 && area < 900 && m[2] !== '00' && m[3] !== '0000';
    },
  },
  nino: {
    generate: (rnd) => {
      let prefix = '';
      do prefix = pick(rnd, 'ABCEGHJKLMNOPRSTWXYZ') + pick(rnd, 'ABCEGHJKLMNPRSTWXYZ');
      while (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(prefix));
      return `${prefix}${digits(rnd, 6)}${pick(rnd, 'ABCD')}`;
    },
    validate: (v) => {
      const s = v.replace(/\s/g, '').toUpperCase();
      return /^[ABCEGHJ-PRSTW-Z][ABCEGHJ-NPRSTW-Z]\d{6}[A-D]$/.test(s) && !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(s.slice(0, 2));
    },
  },
  bsn: {
    generate: (rnd) => {
      for (;;) {
        const body = String(rnd.int(1, 9)) + digits(rnd, 7);
        const sum = toDigits(body).reduce((a, d, i) => a + d * (9 - i), 0);
        const check = sum % 11;
        if (check <= 9) return body + check;
      }
    },
    validate: (v) => {
      if (!/^\d{9}$/.test(v)) return false;
      const ds = toDigits(v);
      const sum = ds.slice(0, 8).reduce((a, d, i) => a + d * (9 - i), 0) - ds[8];
      return sum % 11 === 0 && v !== '000000000';
    },
  },
  pesel: {
    generate: (rnd) => {
      const [y, m, d] = birthDate(rnd);
      const month = m + (y >= 2000 ? 20 : 0);
      const body = pad(y % 100, 2) + pad(month, 2) + pad(d, 2) + digits(rnd, 4);
      return body + peselDigit(body);
    },
    validate: (v) => /^\d{11}$/.test(v) && peselDigit(v.slice(0, 10)) === Number(v[10]),
  },
  personnummer: {
    generate: (rnd) => {
      const [y, m, d] = birthDate(rnd);
      const body = pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + digits(rnd, 3);
      return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
    },
    validate: (v) => {
      const s = v.replace(/[-+]/g, '');
      const ten = s.length === 12 ? s.slice(2) : s;
      return /^\d{10}$/.test(ten) && luhnValid(ten);
    },
  },
  tckimlik: {
    generate: (rnd) => {
      const body = String(rnd.int(1, 9)) + digits(rnd, 8);
      const d10 = tcDigit10(body);
      return body + d10 + tcDigit11(body + d10);
    },
    validate: (v) => /^[1-9]\d{10}$/.test(v) && tcDigit10(v.slice(0, 9)) === Number(v[9]) && tcDigit11(v.slice(0, 10)) === Number(v[10]),
  },
  /** Polish tax number (NIP): 10 digits, the last a weighted mod-11 check (a remainder of 10 is never issued). */
  nip: {
    generate: (rnd) => {
      for (;;) {
        const body = String(rnd.int(1, 9)) + digits(rnd, 8);
        const check = nipCheck(body);
        if (check <= 9) return body + check;
      }
    },
    validate: (v) => {
      const s = v.replace(/[-\s]/g, '').replace(/^PL/, '');
      return /^\d{10}$/.test(s) && nipCheck(s.slice(0, 9)) === Number(s[9]);
    },
  },
  /** Polish business register number (REGON), the 9-digit form: weighted mod 11, 10 becoming 0. */
  regon: {
    generate: (rnd) => {
      const body = String(rnd.int(1, 9)) + digits(rnd, 7);
      return body + regonCheck(body);
    },
    validate: (v) => /^\d{9}$/.test(v) && regonCheck(v.slice(0, 8)) === Number(v[8]),
  },
  /** Italian VAT number (partita IVA): 11 digits, the last a Luhn check over the first ten. */
  'partita-iva': {
    generate: (rnd) => {
      const body = digits(rnd, 7) + pad(rnd.int(1, 100), 3);
      return body + luhnCheckDigit(body);
    },
    validate: (v) => {
      const s = v.replace(/^IT/, '');
      return /^\d{11}$/.test(s) && luhnValid(s);
    },
  },
  /** Turkish tax number (vergi kimlik numarası, VKN): 10 digits, the last computed from the first nine. */
  vkn: {
    generate: (rnd) => {
      const body = digits(rnd, 9);
      return body + vknCheck(body);
    },
    validate: (v) => /^\d{10}$/.test(v) && vknCheck(v.slice(0, 9)) === Number(v[9]),
  },
  dni: {
    generate: (rnd) => {
      const n = rnd.int(1_000_000, 99_999_999);
      return pad(n, 8) + DNI_LETTERS[n % 23];
    },
    validate: (v) => /^\d{8}[A-Z]$/.test(v) && DNI_LETTERS[Number(v.slice(0, 8)) % 23] === v[8],
  },
  nie: {
    generate: (rnd) => {
      const s = pick(rnd, 'XYZ') + digits(rnd, 7);
      return s + DNI_LETTERS[nieNumber(s) % 23];
    },
    validate: (v) => /^[XYZ]\d{7}[A-Z]$/.test(v) && DNI_LETTERS[nieNumber(v) % 23] === v[8],
  },
  curp: {
    generate: (rnd) => {
      const [y, m, d] = birthDate(rnd);
      const body =
        pick(rnd, UPPER) +
        pick(rnd, VOWELS) +
        pick(rnd, UPPER) +
        pick(rnd, UPPER) +
        pad(y % 100, 2) +
        pad(m, 2) +
        pad(d, 2) +
        pick(rnd, 'HM') +
        MX_STATES[rnd.int(0, MX_STATES.length - 1)] +
        pick(rnd, CONSONANTS) +
        pick(rnd, CONSONANTS) +
        pick(rnd, CONSONANTS) +
        (y >= 2000 ? pick(rnd, UPPER) : pick(rnd, DIGITS));
      return body + curpDigit(body);
    },
    validate: (v) => /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d$/.test(v) && curpDigit(v.slice(0, 17)) === Number(v[17]),
  },
  rfc: {
    generate: (rnd) => {
      const [y, m, d] = birthDate(rnd);
      const body = Array.from({ length: 4 }, () => pick(rnd, UPPER)).join('') + pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + pick(rnd, UPPER + DIGITS) + pick(rnd, UPPER + DIGITS);
      return body + rfcDigit(body);
    },
    validate: (v) => /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{2}[0-9A]$/.test(v) && rfcDigit(v.slice(0, -1)) === v.at(-1),
  },
  pan: {
    // No public check digit: five letters (the fourth says the holder type, P = person), four digits, a letter.
    generate: (rnd) => `${pick(rnd, UPPER)}${pick(rnd, UPPER)}${pick(rnd, UPPER)}P${pick(rnd, UPPER)}${digits(rnd, 4)}${pick(rnd, UPPER)}`,
    validate: (v) => /^[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]$/.test(v),
  },
  'codice-fiscale': {
    generate: (rnd) => {
      const [y, m, d] = birthDate(rnd);
      const letters = (n: number) => Array.from({ length: n }, () => pick(rnd, CONSONANTS)).join('');
      const day = d + (rnd.int(0, 1) === 1 ? 40 : 0);
      const body = letters(3) + letters(3) + pad(y % 100, 2) + CF_MONTHS[m - 1] + pad(day, 2) + pick(rnd, 'ABCDEFGHILM') + digits(rnd, 3);
      return body + codiceFiscaleChar(body);
    },
    validate: (v) => /^[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/.test(v) && codiceFiscaleChar(v.slice(0, 15)) === v[15],
  },
  iban: {
    /** `variant`: ISO country (DE by default; ES, FR, GB, BR, PL, IT, TR). */
    generate: (rnd, variant) => {
      const country = (variant ?? 'DE').toUpperCase();
      const bban = BBAN[country];
      if (!bban) throw new Error(`id:iban has no BBAN format for country ${country} (known: ${Object.keys(BBAN).join(', ')})`);
      return composeIban(country, bban(rnd));
    },
    validate: (v) => {
      const s = onlyAlnum(v);
      return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) && mod97(ibanNumeric(s.slice(4) + s.slice(0, 4))) === 1;
    },
  },
  'credit-card': {
    generate: (rnd) => {
      const brand = rnd.int(0, 2);
      const payload = brand === 0 ? '4' + digits(rnd, 14) : brand === 1 ? String(rnd.int(51, 55)) + digits(rnd, 13) : '3' + pick(rnd, '47') + digits(rnd, 12);
      return payload + luhnCheckDigit(payload);
    },
    validate: (v) => {
      const s = v.replace(/[\s-]/g, '');
      return /^\d{13,19}$/.test(s) && luhnValid(s);
    },
  },
  /** French company number (9 digits, Luhn), e.g. 732 829 320. */
  siren: {
    generate: (rnd) => sirenNumber(rnd),
    validate: (v) => {
      const s = v.replace(/\s/g, '');
      return /^\d{9}$/.test(s) && luhnValid(s);
    },
  },
  /** French establishment number: a SIREN and a 4-digit NIC, Luhn over all 14 digits. */
  siret: {
    generate: (rnd) => {
      const payload = sirenNumber(rnd) + '000' + String(rnd.int(1, 9));
      return payload + luhnCheckDigit(payload);
    },
    validate: (v) => {
      const s = v.replace(/\s/g, '');
      return /^\d{14}$/.test(s) && luhnValid(s);
    },
  },
  imei: {
    generate: (rnd) => {
      const payload = pick(rnd, '0123456789'.slice(1)) + digits(rnd, 13);
      return payload + luhnCheckDigit(payload);
    },
    validate: (v) => /^\d{15}$/.test(v) && luhnValid(v),
  },
  aadhaar: {
    generate: (rnd) => {
      const payload = String(rnd.int(2, 9)) + digits(rnd, 10);
      return payload + verhoeffDigit(payload);
    },
    validate: (v) => {
      const s = v.replace(/\s/g, '');
      return /^[2-9]\d{11}$/.test(s) && verhoeffDigit(s.slice(0, 11)) === Number(s[11]);
    },
  },
  'steuer-id': {
    generate: (rnd) => {
      // Ten digits, the first not 0, one digit twice and eight others once (one digit of 0-9 absent).
      for (;;) {
        const pool = [...DIGITS];
        for (let i = pool.length - 1; i > 0; i--) {
          const j = rnd.int(0, i);
          [pool[i], pool[j]] = [pool[j], pool[i]];
        }
        const chosen = pool.slice(0, 9);
        chosen.splice(rnd.int(0, 9), 0, chosen[rnd.int(0, 8)]);
        const body = chosen.join('');
        if (body[0] !== '0') return body + steuerIdDigit(body);
      }
    },
    validate: (v) => {
      if (!/^[1-9]\d{10}$/.test(v)) return false;
      const counts = [...v.slice(0, 10)].reduce<Record<string, number>>((a, c) => ({ ...a, [c]: (a[c] ?? 0) + 1 }), {});
      const repeated = Object.values(counts).filter((n) => n > 1);
      return repeated.length === 1 && repeated[0] <= 3 && steuerIdDigit(v.slice(0, 10)) === Number(v[10]);
    },
  },
  nir: {
    generate: (rnd) => {
      const [y, m] = birthDate(rnd);
      const body = String(rnd.int(1, 2)) + pad(y % 100, 2) + pad(m, 2) + pad(rnd.int(1, 95), 2) + pad(rnd.int(1, 990), 3) + pad(rnd.int(1, 999), 3);
      return body + pad(nirKey(body), 2);
    },
    validate: (v) => {
      const s = v.replace(/\s/g, '');
      return /^[12]\d{14}$/.test(s) && nirKey(s.slice(0, 13)) === Number(s.slice(13));
    },
  },
  sin: {
    generate: (rnd) => {
      const payload = pick(rnd, '1234567') + digits(rnd, 7);
      const sin = payload + luhnCheckDigit(payload);
      return `${sin.slice(0, 3)} ${sin.slice(3, 6)} ${sin.slice(6)}`;
    },
    validate: (v) => {
      const s = v.replace(/[\s-]/g, '');
      return /^[0-79]\d{8}$/.test(s) && luhnValid(s);
    },
  },
  'my-number': {
    generate: (rnd) => {
      const body = digits(rnd, 11);
      return body + myNumberDigit(body);
    },
    validate: (v) => /^\d{12}$/.test(v) && myNumberDigit(v.slice(0, 11)) === Number(v[11]),
  },
} satisfies Record<string, IdKind>;

export type IdKindName = keyof typeof ID_KINDS;

export const isIdKind = (name: string): name is IdKindName => Object.hasOwn(ID_KINDS, name);

function nipCheck(body9: string): number {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  return toDigits(body9).reduce((a, d, i) => a + d * w[i], 0) % 11;
}
function regonCheck(body8: string): number {
  const w = [8, 9, 2, 3, 4, 5, 6, 7];
  return (toDigits(body8).reduce((a, d, i) => a + d * w[i], 0) % 11) % 10;
}
function vknCheck(body9: string): number {
  let sum = 0;
  toDigits(body9).forEach((d, i) => {
    const t = (d + 9 - i) % 10;
    let v = (t * 2 ** (9 - i)) % 9;
    if (t !== 0 && v === 0) v = 9;
    sum += v;
  });
  return (10 - (sum % 10)) % 10;
}
function peselDigit(body10: string): number {
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  return (10 - (toDigits(body10).reduce((a, d, i) => a + d * w[i], 0) % 10)) % 10;
}
function tcDigit10(body9: string): number {
  const d = toDigits(body9);
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  return (((odd * 7 - even) % 10) + 10) % 10;
}
const tcDigit11 = (body10: string): number => toDigits(body10).reduce((a, d) => a + d, 0) % 10;
const nirKey = (body13: string): number => 97 - Number(BigInt(body13) % 97n);

/**
 * The same shape with a wrong last character (the check digit or letter of every kind here), for
 * messy data. PAN and SSN have no check character: their last digit changes, which may still be valid.
 */
export function breakChecksum(value: string, rnd: IdRandom): string {
  const last = value.at(-1) ?? '';
  const alphabet = /\d/.test(last) ? DIGITS : UPPER;
  let replacement = last;
  while (replacement === last) replacement = pick(rnd, alphabet);
  return value.slice(0, -1) + replacement;
}

