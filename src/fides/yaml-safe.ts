/**
 * Strings in dataset files that read back as the same string under YAML 1.1 as well as 1.2.
 *
 * Fides loads dataset files with PyYAML, a YAML 1.1 parser; the `yaml` library writes for 1.2. So
 * a column named `yes`, `on` or `n` would load as a boolean, `12:30:45` as the number 45045,
 * `1_000` as 1000, `2024-01-01` as a date and `~` as null; `<<` and `=` make PyYAML fail, and a
 * tab, U+2028 or a C1 control character in a name make the whole file unreadable. Every such
 * string is written double-quoted, with escapes for everything but printable characters, in the
 * one form both parsers read back exactly. The `yaml` library writes the rest as before.
 */
import { Scalar, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { stringifyString, stringTag } from 'yaml/util';

/**
 * Plain scalars that YAML 1.1 (the spec and PyYAML's resolvers) or 1.2 reads as something else:
 * booleans (y/n/yes/no/on/off/true/false in their spellings), null (`~`, `null`, empty), the merge
 * key `<<` and the value key `=`, and anything that starts like a number (ints with `_`, base 2/8/16,
 * sexagesimal `1:30`, floats, `.inf`/`.nan`, timestamps). Wider than needed on purpose: a name that
 * merely starts with a digit is quoted too, which reads back the same.
 */
const OTHER_TYPE_IN_SOME_YAML =
  /^(?:[-+]?\.?[0-9][\s\S]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[yYnN]|[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF|~|[Nn]ull|NULL|<<|=|)$/;

/**
 * Characters written as escapes: C0 controls (tab and line breaks included), DEL and the C1 block
 * (PyYAML rejects most of them even inside quotes, and reads U+0085 as a line break), U+2028/2029
 * (line breaks to YAML 1.1), the BOM, the non-characters U+FFFE/FFFF, and lone surrogates.
 */
const NEEDS_ESCAPE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** `NEEDS_ESCAPE` without the line feed, for a block scalar a person wrote (kept as a block). */
const NEEDS_ESCAPE_IN_BLOCK = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\x85': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};
const TO_ESCAPE = /[\x00-\x1f"\\\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * PyYAML ends a plain scalar in a flow collection (`[a, b]`, `{k: v}`) at any `?`, and reads a
 * leading `:` there as an indicator; YAML 1.2 allows both.
 */
const FLOW_UNSAFE_IN_YAML_11 = /\?|^:/;

/** True when a string must be written by `doubleQuoted` (see the module comment), in a flow collection or not. */
export function needsSafeQuotes(value: string, inFlow = false): boolean {
  return OTHER_TYPE_IN_SOME_YAML.test(value) || NEEDS_ESCAPE.test(value) || (inFlow && FLOW_UNSAFE_IN_YAML_11.test(value));
}

/** `"..."` on one line, with YAML escapes that PyYAML and the `yaml` library both read. */
export function doubleQuoted(value: string): string {
  return `"${value.replace(TO_ESCAPE, escapeChar)}"`;
}

type StringifyArgs = Parameters<typeof stringTag.stringify & {}>;

/**
 * The `yaml` library's string tag with one change: strings that `needsSafeQuotes` are written
 * `doubleQuoted`. Two choices a person made in a file are kept: a quoted scalar stays quoted as it
 * was (it already reads back the same), and a block scalar (`|`, `>`) without characters that need
 * escaping stays a block.
 */
const safeStringTag: typeof stringTag = {
  ...stringTag,
  stringify(item: StringifyArgs[0], ctx: StringifyArgs[1], onComment?: StringifyArgs[2], onChompKeep?: StringifyArgs[3]): string {
    const value = String((item as Scalar).value);
    const type = (item as Scalar).type;
    const kept =
      ((type === Scalar.QUOTE_SINGLE || type === Scalar.QUOTE_DOUBLE) && !NEEDS_ESCAPE.test(value)) ||
      ((type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) && !ctx.implicitKey && !ctx.inFlow && !NEEDS_ESCAPE_IN_BLOCK.test(value));
    if (!kept && needsSafeQuotes(value, Boolean(ctx.inFlow))) return doubleQuoted(value);
    return stringifyString(item as Scalar, { actualString: true, ...ctx }, onComment, onChompKeep);
  },
};

/** Schema option for every Document that holds a dataset file: the core schema with `safeStringTag`. */
export const SAFE_SCHEMA: SchemaOptions = {
  customTags: (tags) => tags.map((tag) => (tag === stringTag ? safeStringTag : tag)),
};

/** Options to parse a dataset file with, so that whatever is saved again is written safely. */
export const SAFE_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = SAFE_SCHEMA;
