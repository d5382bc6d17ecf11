/**
 * The value specs of corpus.yml (test/fixtures/unseen, format in its README): parsing, with one clear
 * message per mistake, and generation from a seeded faker. `ref:` values are drawn by the caller, who
 * knows the generated rows; everything else is made here.
 */
import { allLocales, Faker, type LocaleDefinition } from '@faker-js/faker';
import { breakChecksum, ID_KINDS, isIdKind, type IdKindName } from '../id-generators.js';
import { noteText } from './notes.js';

export type ValueSpec =
  | { readonly kind: 'seq' }
  | { readonly kind: 'ref'; readonly table: string; readonly column: string }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'decimal'; readonly min: number; readonly max: number; readonly scale: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'date' | 'timestamp'; readonly from: number; readonly to: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'const'; readonly text: string }
  | { readonly kind: 'pattern'; readonly template: string }
  | { readonly kind: 'faker'; readonly module: string; readonly method: string; readonly locale: string }
  | { readonly kind: 'id'; readonly id: IdKindName; readonly variant?: string; readonly invalidShare: number }
  | { readonly kind: 'simple'; readonly name: SimpleName; readonly arg?: string }
  | { readonly kind: 'json'; readonly file: string }
  | { readonly kind: 'text'; readonly withContact: boolean }
  | { readonly kind: 'null' };

/** A spec and its share of NULLs (`?0.3`). */
export interface ColumnSpec {
  readonly spec: ValueSpec;
  readonly nullShare: number;
  readonly source: string;
}

const SIMPLE = ['uuid', 'hash', 'ipv4', 'ipv6', 'mac', 'url', 'user-agent', 'lat', 'lon', 'phone'] as const;
type SimpleName = (typeof SIMPLE)[number];
const HASHES = ['md5', 'sha1', 'sha256', 'bcrypt'];

export class SpecError extends Error {}

const toEpoch = (iso: string, what: string): number => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new SpecError(`${what}: ${JSON.stringify(iso)} is not a date YYYY-MM-DD`);
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new SpecError(`${what}: ${iso} is not a date`);
  return t;
};

/** Parses one spec string; throws SpecError naming what is wrong. */
export function parseColumnSpec(source: string): ColumnSpec {
  const nulls = /\?(0\.\d+)$/.exec(source);
  const body = nulls ? source.slice(0, nulls.index) : source;
  return { spec: parseSpec(body), nullShare: nulls ? Number(nulls[1]) : 0, source };
}

function parseSpec(body: string): ValueSpec {
  const colon = body.indexOf(':');
  const head = colon < 0 ? body : body.slice(0, colon);
  const arg = colon < 0 ? '' : body.slice(colon + 1);
  const need = (ok: boolean, form: string): void => {
    if (!ok) throw new SpecError(`${JSON.stringify(body)} is not of the form ${form}`);
  };
  switch (head) {
    case 'seq':
    case 'bool':
    case 'null':
      need(colon < 0, head);
      return { kind: head };
    case 'ref': {
      const m = /^([^.]+)\.(.+)$/.exec(arg);
      need(m !== null, 'ref:<table>.<column>');
      return { kind: 'ref', table: m![1], column: m![2] };
    }
    case 'int': {
      const m = /^(-?\d+)-(-?\d+)$/.exec(arg);
      need(m !== null && Number(m[1]) <= Number(m[2]), 'int:<min>-<max> with min <= max');
      return { kind: 'int', min: Number(m![1]), max: Number(m![2]) };
    }
    case 'decimal': {
      const m = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?):(\d+)$/.exec(arg);
      need(m !== null && Number(m[1]) <= Number(m[2]), 'decimal:<min>-<max>:<scale>');
      return { kind: 'decimal', min: Number(m![1]), max: Number(m![2]), scale: Number(m![3]) };
    }
    case 'date':
    case 'timestamp': {
      const m = /^(.+)\.\.(.+)$/.exec(arg);
      need(m !== null, `${head}:<YYYY-MM-DD>..<YYYY-MM-DD>`);
      const from = toEpoch(m![1], body);
      const to = toEpoch(m![2], body) + (head === 'timestamp' ? 86_399_000 : 0);
      need(from <= to, `${head}:<from>..<to> with from <= to`);
      return { kind: head, from, to };
    }
    case 'enum': {
      const values = arg.split('|');
      need(arg !== '', 'enum:a|b|c');
      return { kind: 'enum', values };
    }
    case 'const':
      return { kind: 'const', text: arg };
    case 'pattern':
      need(arg !== '', 'pattern:<template>');
      return { kind: 'pattern', template: arg };
    case 'faker': {
      const m = /^([a-zA-Z]+)\.([a-zA-Z]+)(?:@([A-Za-z_]+))?$/.exec(arg);
      need(m !== null, 'faker:<module>.<method>[@<locale>]');
      const locale = m![3] ?? 'en';
      if (!Object.hasOwn(allLocales, locale)) throw new SpecError(`${body}: faker has no locale ${JSON.stringify(locale)} (e.g. en, de, fr, es, pt_BR, it, nl, pl, ja)`);
      const probe = fakerFor(locale) as unknown as Record<string, Record<string, unknown>>;
      if (typeof probe[m![1]]?.[m![2]] !== 'function') throw new SpecError(`${body}: faker has no method ${m![1]}.${m![2]}`);
      return { kind: 'faker', module: m![1], method: m![2], locale };
    }
    case 'id': {
      const m = /^([a-z-]+)(?:@([A-Za-z]{2}))?(?:!(0\.\d+))?$/.exec(arg);
      need(m !== null, 'id:<kind>[@<country>][!<share of broken check digits>]');
      if (!isIdKind(m![1])) throw new SpecError(`${body}: unknown id kind ${m![1]} (known: ${Object.keys(ID_KINDS).join(', ')})`);
      return { kind: 'id', id: m![1], variant: m![2], invalidShare: m![3] ? Number(m![3]) : 0 };
    }
    case 'json':
      need(/^[\w.-]+\.ya?ml$/.test(arg), 'json:<file>.yml (a file in the corpus folder)');
      return { kind: 'json', file: arg };
    case 'text':
      need(arg === 'note' || arg === 'note-with-contact', 'text:note or text:note-with-contact');
      return { kind: 'text', withContact: arg === 'note-with-contact' };
    default: {
      const [name, at] = body.split(/[@:]/);
      if ((SIMPLE as readonly string[]).includes(name)) {
        const extra = body.slice(name.length + 1);
        if (name === 'hash') need(HASHES.includes(extra), 'hash:md5|sha1|sha256|bcrypt');
        else if (name === 'phone') need(colon < 0 && (at === undefined || Object.hasOwn(allLocales, at)), 'phone or phone@<faker locale>');
        else need(body === name, name);
        return { kind: 'simple', name: name as SimpleName, arg: extra || undefined };
      }
      throw new SpecError(`unknown value spec ${JSON.stringify(body)}`);
    }
  }
}

const fakers = new Map<string, Faker>();
/** One faker per locale with English and the base locale as fall-backs (module-level: construction is slow). */
function fakerFor(locale: string): Faker {
  let f = fakers.get(locale);
  if (!f) {
    const chain: LocaleDefinition[] = [allLocales[locale as keyof typeof allLocales], allLocales.en, allLocales.base];
    f = new Faker({ locale: chain });
    fakers.set(locale, f);
  }
  return f;
}

/** Generates values for one corpus: every faker used is seeded with the corpus seed at the start. */
export class ValueGenerator {
  readonly #random: Faker;
  readonly #language: string;
  readonly #seed: number;
  readonly #seeded = new Set<string>();

  constructor(seed: number, language: string) {
    this.#seed = seed;
    this.#language = language;
    for (const f of fakers.values()) f.seed(seed);
    this.#random = fakerFor('en');
    this.#random.seed(seed);
    this.#seeded.add('en');
  }

  int(min: number, max: number): number {
    return this.#random.number.int({ min, max });
  }

  chance(share: number): boolean {
    return share > 0 && this.#random.number.float({ min: 0, max: 1 }) < share;
  }

  faker(locale: string): Faker {
    const f = fakerFor(locale);
    if (!this.#seeded.has(locale)) {
      f.seed(this.#seed + this.#seeded.size);
      this.#seeded.add(locale);
    }
    return f;
  }

  /** A value for every spec but `ref` and `seq` (the caller's) and `json` (given its parsed specs). */
  value(spec: ValueSpec, jsonSpecs?: (file: string) => unknown): unknown {
    const r = this.#random;
    switch (spec.kind) {
      case 'int':
        return this.int(spec.min, spec.max);
      case 'decimal':
        return r.number.float({ min: spec.min, max: spec.max, fractionDigits: spec.scale }).toFixed(spec.scale);
      case 'bool':
        return r.datatype.boolean();
      case 'date':
        return new Date(this.int(spec.from / 86_400_000, spec.to / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
      case 'timestamp':
        return new Date(this.int(spec.from / 1000, spec.to / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
      case 'enum':
        return spec.values[this.int(0, spec.values.length - 1)];
      case 'const':
        return spec.text;
      case 'pattern':
        return this.#pattern(spec.template);
      case 'faker': {
        const module = (this.faker(spec.locale) as unknown as Record<string, Record<string, () => unknown>>)[spec.module];
        return module[spec.method].call(module);
      }
      case 'id': {
        const value = ID_KINDS[spec.id].generate({ int: (a, b) => this.int(a, b) }, spec.variant);
        return this.chance(spec.invalidShare) ? breakChecksum(value, { int: (a, b) => this.int(a, b) }) : value;
      }
      case 'simple':
        return this.#simple(spec.name, spec.arg);
      case 'json':
        return JSON.stringify(this.#json(jsonSpecs?.(spec.file)));
      case 'text':
        return noteText(this, this.#language, spec.withContact);
      case 'null':
        return null;
      case 'seq':
      case 'ref':
        throw new Error(`${spec.kind} values are drawn by the row generator`);
    }
  }

  #pattern(template: string): string {
    const r = this.#random;
    let out = '';
    for (let i = 0; i < template.length; i++) {
      const c = template[i];
      if (c === '\\' && i + 1 < template.length) out += template[++i];
      else if (c === '#') out += String(this.int(0, 9));
      else if (c === 'A') out += r.string.alpha({ casing: 'upper' });
      else if (c === 'a') out += r.string.alpha({ casing: 'lower' });
      else if (c === '?') out += r.string.alphanumeric({ casing: 'upper' });
      else out += c;
    }
    return out;
  }

  #simple(name: SimpleName, arg?: string): unknown {
    const r = this.#random;
    switch (name) {
      case 'uuid':
        return r.string.uuid();
      case 'hash':
        if (arg === 'bcrypt') return `$2y$10$${r.string.fromCharacters('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53)}`;
        return r.string.hexadecimal({ length: arg === 'md5' ? 32 : arg === 'sha1' ? 40 : 64, casing: 'lower', prefix: '' });
      case 'ipv4':
        return r.internet.ipv4();
      case 'ipv6':
        return r.internet.ipv6();
      case 'mac':
        return r.internet.mac();
      case 'url':
        return r.internet.url();
      case 'user-agent':
        return r.internet.userAgent();
      case 'lat':
        return r.location.latitude({ precision: 6 });
      case 'lon':
        return r.location.longitude({ precision: 6 });
      case 'phone':
        return this.faker(arg ?? 'en').phone.number();
    }
  }

  /** A JSON spec file: keys → spec strings, nested maps, or a one-element list (an array of 1-3 values). */
  #json(shape: unknown): unknown {
    if (typeof shape === 'string') {
      const { spec, nullShare } = parseColumnSpec(shape);
      if (this.chance(nullShare)) return null;
      return spec.kind === 'bool' ? this.#random.datatype.boolean() : this.value(spec);
    }
    if (Array.isArray(shape)) return Array.from({ length: this.int(1, 3) }, () => this.#json(shape[0]));
    if (shape && typeof shape === 'object') return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, this.#json(v)]));
    throw new SpecError('a JSON spec file maps keys to spec strings, nested maps or one-element lists');
  }
}
