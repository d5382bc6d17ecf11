/**
 * URLs: http(s) links, www. hosts and bare domains with a path (weak). A link is personal data
 * (`user.contact.url`) when it belongs to a person: a personal website or profile column, or any link
 * column of a table of people. Product, image and API links are system.operations; in tables of
 * unclear subject a URL column stays below the threshold and shows up as an alternative.
 */
import { CATEGORY } from '../categories.js';
import { hasWord, personTableReason, round3, thingTableReason } from './column-context.js';
import { defineRecognizer, evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const HOST = '(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+(?:\\p{L}{2,63}|xn--[a-z0-9-]{2,59})';
const TAIL = '(?::\\d{1,5})?(?:[/?#][^\\s]*)?';
const WITH_SCHEME = new RegExp(`^https?://(?:[^\\s/?#@]+@)?(?:${HOST}|localhost|\\d{1,3}(?:\\.\\d{1,3}){3})${TAIL}$`, 'iu');
const WWW = new RegExp(`^www\\.${HOST}${TAIL}$`, 'iu');
const DOMAIN_WITH_PATH = new RegExp(`^${HOST}/[^\\s]*$`, 'iu');
const BARE_DOMAIN = new RegExp(`^(?!www\\.)${HOST}$`, 'iu');
/** `report.pdf` has the shape of a domain; file names are not links. */
const FILE_NAME = /\.(?:txt|pdf|png|jpe?g|gif|svg|webp|csv|tsv|docx?|xlsx?|pptx?|zip|gz|tar|json|xml|html?|js|ts|py|rb|java|exe|dll|log|md|ya?ml|sql|bak|tmp|mp[34]|wav|avi|mov)$/i;
/** Quotes around a cell value are formatting, not part of the link. */
const QUOTED = /^(["'])(.*)\1$/s;

/** Column words for links that belong to a person. */
const PERSONAL_LINK_WORDS: ReadonlySet<string> = new Set([
  'website', 'homepage', 'home', 'blog', 'profile', 'linkedin', 'twitter', 'facebook', 'instagram', 'github',
  'social', 'personal', 'portfolio', 'xing', 'mastodon', 'tiktok', 'youtube', 'webseite', 'siteweb', 'sitio', 'pagina',
]);
/** Column words for links of things and systems. */
const SYSTEM_LINK_WORDS: ReadonlySet<string> = new Set([
  'api', 'endpoint', 'callback', 'webhook', 'redirect', 'return', 'image', 'img', 'thumbnail', 'icon', 'logo',
  'download', 'asset', 'cdn', 'product', 'doc', 'docs', 'documentation', 'source', 'repo', 'feed', 'rss', 'server',
  'service', 'base', 'cover', 'poster', 'media', 'file', 'attachment', 'tracking',
]);
/** Person-related tables hold links of people and of things alike. */
const PERSON_RELATED_FACTOR = 0.6;
/** Unknown tables: below the default threshold, so the link becomes an alternative to review. */
const UNKNOWN_FACTOR = 0.45;
const OPERATIONS_DAMPING = 0.8;

const links = defineRecognizer({
  id: 'url',
  category: CATEGORY.url,
  noun: 'URLs',
  // Necessary shape: a host name has a dot, and letters (a scheme, localhost or a top-level domain).
  gate: { all: TRAIT.dot, any: TRAIT.letter | TRAIT.nonAscii },
  patterns: [
    { name: 'http(s) URL', regex: WITH_SCHEME, score: 1 },
    { name: 'www host', regex: WWW, score: 0.9 },
    { name: 'domain with a path (weak)', regex: DOMAIN_WITH_PATH, score: 0.4, contextScore: 0.8 },
    { name: 'bare domain (weak)', regex: BARE_DOMAIN, score: 0.5, contextScore: 0.8 },
  ],
  context: ['url', 'uri', 'link', 'website', 'homepage', 'web', 'site', 'blog', 'profile'],
  // A value with an @ validates only as an http(s) link (quotes aside): email addresses need no pattern.
  prefilter: (value: string) =>
    value.length >= 4 && value.length <= 2048 && value.includes('.') && !value.includes(' ') && (!value.includes('@') || /^["']?http/.test(value)),
  normalize: (value: string) => value.replace(QUOTED, '$2'),
  // An email address is not a link (user:pass@host URLs keep their scheme); a file name is not either.
  validate: (value: string) => value.startsWith('http') || (!value.includes('@') && !FILE_NAME.test(value)),
});

function recognizeLinks(values: PreparedValues, options: EvaluateOptions) {
  const base = evaluateRecognizer(links, values, options);
  if (!base || base.score === 0) return base ? [base] : [];
  const tokens = options.nameTokens ?? [];
  const personal = hasWord(tokens, PERSONAL_LINK_WORDS);
  const system = hasWord(tokens, SYSTEM_LINK_WORDS);
  const thing = thingTableReason(options.column);
  if (system || (thing && !personal)) {
    const why = system ? `the column name says '${system}'` : thing;
    return [{ ...base, category: CATEGORY.operations, score: round3(base.score * OPERATIONS_DAMPING), reason: `${base.reason}; links of things or systems (${why})` }];
  }
  if (personal) return [{ ...base, reason: `${base.reason}; the column name says '${personal}', a person's link` }];
  const person = personTableReason(options.column);
  if (person && options.column?.tableSubject === 'person') return [{ ...base, reason: `${base.reason}; ${person}` }];
  const factor = person ? PERSON_RELATED_FACTOR : UNKNOWN_FACTOR;
  const note = person ?? 'nothing says whose links these are';
  return [{ ...base, score: round3(base.score * factor), reason: `${base.reason}; ${note}` }];
}

export const urlRecognizer: ValueRecognizer = { ...links, recognizeColumn: recognizeLinks };
