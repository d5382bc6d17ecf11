import { isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { breakChecksum, ID_KINDS, type IdKindName, type IdRandom } from '../../scripts/lib/id-generators.js';

/** A small seeded generator (mulberry32), so that the test sees the same values each run. */
function seeded(seed: number): IdRandom {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

/** Published example values (issuers' documentation and well-known test numbers), and the same with a wrong check character. */
const EXAMPLES: Record<IdKindName, { valid: string[]; invalid: string[] }> = {
  cpf: { valid: ['52998224725', '111.444.777-35'], invalid: ['52998224726', '11111111111'] },
  cnpj: { valid: ['11222333000181', '11.222.333/0001-81'], invalid: ['11222333000182'] },
  ssn: { valid: ['123-45-6789', '078051120'], invalid: ['666-12-3456', '000-12-3456', '123-00-6789', '900-12-3456'] },
  nino: { valid: ['AB123456C', 'QQ123456C'.replace('QQ', 'JG')], invalid: ['BG123456A', 'QQ123456C', 'AB123456E'] },
  bsn: { valid: ['111222333', '123456782'], invalid: ['111222334', '123456789'] },
  pesel: { valid: ['44051401359', '02070803628'], invalid: ['44051401358'] },
  personnummer: { valid: ['811218-9876', '19811218-9876'], invalid: ['811218-9875'] },
  tckimlik: { valid: ['10000000146'], invalid: ['10000000147', '01000000146'] },
  nip: { valid: ['5260250274', '1234563218', '526-025-02-74'], invalid: ['5260250275'] },
  regon: { valid: ['123456785', '012100784'], invalid: ['123456786'] },
  'partita-iva': { valid: ['07643520567', '00743110157'], invalid: ['07643520568'] },
  vkn: { valid: ['1234567890'], invalid: ['1234567891'] },
  dni: { valid: ['12345678Z', '00000000T'], invalid: ['12345678A'] },
  nie: { valid: ['X1234567L', 'Y0000000Z'], invalid: ['X1234567A'] },
  curp: { valid: ['HEGG560427MVZRRL04'], invalid: ['HEGG560427MVZRRL05'] },
  rfc: { valid: ['GODE561231GR8'], invalid: ['GODE561231GR9'] },
  pan: { valid: ['ABCPE1234F'], invalid: ['ABCQE1234F', 'ABCPE123F'] },
  'codice-fiscale': { valid: ['RSSMRA85T10A562S'], invalid: ['RSSMRA85T10A562T'] },
  iban: { valid: ['DE89370400440532013000', 'ES9121000418450200051332', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'PL61109010140000071219812874', 'IT60X0542811101000000123456', 'TR330006100519786457841326'], invalid: ['DE89370400440532013001'] },
  'credit-card': { valid: ['4111111111111111', '5500000000000004', '378282246310005'], invalid: ['4111111111111112'] },
  siren: { valid: ['732829320', '443 061 841'], invalid: ['732829321'] },
  siret: { valid: ['73282932000074', '443 061 841 00047'], invalid: ['73282932000075'] },
  imei: { valid: ['490154203237518'], invalid: ['490154203237519'] },
  aadhaar: { valid: ['234123412346'], invalid: ['234123412347', '123412341234'] },
  'steuer-id': { valid: ['86095742719', '47036892816'], invalid: ['86095742718', '12345678903'] },
  nir: { valid: ['255081416802538', '2 55 08 14 168 025 38'], invalid: ['255081416802539'] },
  sin: { valid: ['046 454 286'], invalid: ['046 454 287'] },
  'my-number': { valid: ['123456789018'], invalid: ['123456789017'] },
};

describe('id generators', () => {
  for (const [kind, { valid, invalid }] of Object.entries(EXAMPLES) as [IdKindName, { valid: string[]; invalid: string[] }][]) {
    describe(kind, () => {
      const { generate, validate } = ID_KINDS[kind];
      it('accepts published valid examples and rejects a wrong check character', () => {
        for (const v of valid) expect(validate(v), v).toBe(true);
        for (const v of invalid) expect(validate(v), v).toBe(false);
      });
      it('generates values its validator accepts', () => {
        const rnd = seeded(7);
        for (let i = 0; i < 300; i++) {
          const value = generate(rnd);
          expect(validate(value), value).toBe(true);
        }
      });
      if (kind !== 'pan' && kind !== 'ssn' && kind !== 'nino') {
        it('breakChecksum makes values the validator rejects', () => {
          const rnd = seeded(11);
          for (let i = 0; i < 100; i++) {
            const value = breakChecksum(generate(rnd), rnd);
            expect(validate(value), value).toBe(false);
          }
        });
      }
    });
  }

  it('IBANs of every supported country pass ibantools, an independent check (BBAN format and national check digits)', () => {
    const rnd = seeded(3);
    for (const country of ['DE', 'ES', 'FR', 'GB', 'BR', 'PL', 'IT', 'TR']) {
      for (let i = 0; i < 100; i++) {
        const iban = ID_KINDS.iban.generate(rnd, country);
        expect(iban.slice(0, 2)).toBe(country);
        expect(isValidIBAN(iban), iban).toBe(true);
      }
    }
  });

  it('is deterministic for a seed', () => {
    const a = Object.values(ID_KINDS).map((k) => k.generate(seeded(5)));
    const b = Object.values(ID_KINDS).map((k) => k.generate(seeded(5)));
    expect(a).toEqual(b);
  });
});
