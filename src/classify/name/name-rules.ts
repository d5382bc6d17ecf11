/**
 * Column-name rules: word sequences in the tokenized column name → a category with a score, with
 * exclusions for names that are *about* the data rather than holding it (`email_verified`,
 * `address_id`, `phone_count`, `email_sent_at`), table context for ambiguous words (`name`,
 * `title`, `language`), and column/table comments as weaker signals. The rules are data
 * (rule-table.ts); config adds more of the same shape.
 */
import type { Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { ABOUT_WORDS, KEY_WORDS, NAME_QUALIFIERS_HANDLED_ELSEWHERE, NAME_RULES, NAME_VETOES, THING_QUALIFIERS } from './rule-table.js';
import { isPersonWord, isWorkerTable, personWordIn, tableQualifiedTokens, tableWords, type TableSubject } from './table-context.js';
import { analyzeName, findSequence, singular, splitIdentifier, type WordNote } from './tokenize.js';
import { FAMILY_NAME_FIRST, languageLabel } from './lexicon.js';
import type { ValueMatcher } from '../recognizers/recognizer.js';

export { NAME_RULES, NAME_VETOES, NAME_CATEGORY } from './rule-table.js';

type Words = readonly string[];

export interface NameRule {
  readonly id: string;
  readonly category: string;
  /** The rule matches when any of these word sequences occurs in the column name. */
  readonly words: readonly Words[];
  readonly score: number;
  /** Score by table subject, overriding `score` where given (0 turns the rule off). */
  readonly bySubject?: Partial<Record<TableSubject, number>>;
  /** Score in a table of workers (employees, staff), overriding the others (`title` is a job title there). */
  readonly workerScore?: number;
  /** The whole name must be one of the sequences (`title`, `sin`), not just contain it. */
  readonly wholeName?: boolean;
  /**
   * The rule does not apply when the column name writes its word in the plural (`regions`, `countries`):
   * a list of them is a setting or a coverage, not one person's address part.
   */
  readonly singularOnly?: boolean;
  /** The rule does not apply when any of these words occurs anywhere in the name. */
  readonly unlessWord?: readonly string[];
  /** The rule does not apply when the name ends with one of these words (`address_id`). */
  readonly unlessLast?: readonly string[];
  /** Config rules: also match when this tests true on the column name as written (regex or glob). */
  readonly namePattern?: ValueMatcher;
  /** Where the rule comes from, for evidence (default 'name-rules'). */
  readonly source?: string;
}

/** A name that rules categories out, e.g. `order_no` holds order numbers, never phone numbers. */
export interface NameVeto {
  readonly id: string;
  readonly categories: readonly string[];
  readonly words: readonly Words[];
  /** The veto applies only when the name also has one of these words. */
  readonly onlyWith?: readonly string[];
  readonly what: string;
}

export interface NameRuleContext {
  /** The column's name as written (used in reasons). */
  readonly columnName: string;
  /** Tokenized column name. */
  readonly tokens: readonly string[];
  readonly tableName: string;
  readonly tableSubject: TableSubject;
  /** Why the subject is what it is when the table's name alone did not say (its columns did). */
  readonly subjectBecause?: string;
  /** The column's comment, a weaker signal than its name. */
  readonly columnComment?: string;
  /** The table's comment: a person word there makes an unclear table person-related. */
  readonly tableComment?: string;
  /** Languages the table's names are in (name/language-signal.ts): their ambiguous words count too. */
  readonly languages?: readonly string[];
}

/** Comments are sentences: how much less a rule match in a comment counts than one in the name. */
const COMMENT_WEIGHT = 0.7;
/** A rule matched only with the table's words in front of a generic column name counts a little less. */
const TABLE_QUALIFIED_WEIGHT = 0.85;
/** How strongly the own name of a thing speaks for system.operations. */
const THING_NAME_SCORE = 0.6;
/** How strongly a bare title speaks for system.operations in a table whose subject is unclear. */
const OWN_TITLE_SCORE = 0.5;
const COMMENT_MAX_LENGTH = 300;
/** Sentence words that would trip the exclusions (`is`, `at`) without saying anything. */
const COMMENT_STOP_WORDS = new Set([
  'the', 'a', 'an', 'is', 'are', 'was', 'be', 'has', 'have', 'at', 'on', 'in', 'for', 'to', 'this', 'that', 'which',
  'we', 'our', 'it', 'its', 's', 'as', 'and', 'or', 'with', 'by', 'from', 'if', 'when', 'der', 'die', 'das', 'le', 'la',
  'les', 'el', 'los', 'las', 'il', 'het', 'een', 'und', 'et', 'y', 'e', 'en',
]);

const SUBJECT_TEXT: Record<TableSubject, string> = {
  person: 'which holds people',
  'person-related': 'which relates to people',
  thing: 'which holds things, not people',
  unknown: 'whose subject is unclear',
};

/** Words that tie an address part in a table of things to a person (`orders.billing_city`). */
const PERSONAL_QUALIFIERS = new Set(['billing', 'shipping', 'ship', 'delivery', 'home', 'mailing', 'residential', 'private', 'personal', 'recipient', 'contact']);

/** `email_sent_at`, `passport_issued_date`: a timestamp of an action, not the thing itself. */
function isActionTimestamp(tokens: readonly string[]): boolean {
  const last = tokens[tokens.length - 1];
  if (last === 'at' || last === 'ts' || last === 'timestamp' || last === 'datetime') return true;
  if (last !== 'date' && last !== 'time' && last !== 'on') return false;
  return tokens.some((t, i) => i < tokens.length - 1 && t.length > 4 && t.endsWith('ed'));
}

/**
 * Key words that name a key when they lead a name (`fk_country`, `pk_website`): the same as a trailing
 * key word (`country_id`), so a rule that a trailing key word turns off is off for them too.
 */
const LEADING_KEY_WORDS: ReadonlySet<string> = new Set(['fk', 'pk']);

/** The matching word sequence; an empty one when only `namePattern` matched the raw name. */
function matchRule(rule: NameRule, tokens: readonly string[], rawName?: string): Words | undefined {
  if (rule.unlessLast?.includes(tokens[tokens.length - 1])) return undefined;
  if (tokens.length > 1 && LEADING_KEY_WORDS.has(tokens[0]) && rule.unlessLast?.includes(tokens[0])) return undefined;
  if (rule.unlessWord?.some((x) => tokens.includes(x))) return undefined;
  if (rawName !== undefined && rule.namePattern?.test(rawName)) return [];
  const seq = rule.wholeName
    ? rule.words.find((s) => s.length === tokens.length && findSequence(tokens, s) === 0)
    : rule.words.find((s) => findSequence(tokens, s) >= 0);
  if (seq && rule.singularOnly && rawName !== undefined && writesPlural(rawName, seq)) return undefined;
  return seq;
}

/** Whether the raw name writes one of the words in the plural (`regions` for `region`). */
function writesPlural(rawName: string, words: Words): boolean {
  return splitIdentifier(rawName).some((raw) => raw.length > 3 && singular(raw) !== raw && words.includes(singular(raw)));
}

function ruleScore(rule: NameRule, ctx: NameRuleContext, subject: TableSubject, tokens: readonly string[]): number {
  if (rule.workerScore !== undefined && isWorkerTable(ctx.tableName)) return rule.workerScore;
  let score = rule.bySubject?.[subject] ?? rule.score;
  // `customer_city` or `billing_city` in a table of things (orders) is still about a person.
  if (subject === 'thing' && rule.bySubject?.thing !== undefined && tokens.some((t) => PERSONAL_QUALIFIERS.has(t) || isPersonWord(t))) {
    score = Math.max(score, rule.bySubject['person-related'] ?? rule.score);
  }
  return score;
}

function describeNotes(notes: readonly WordNote[]): string {
  const parts = notes.map((n) =>
    n.kind === 'typo' ? `token '${n.from}' ≈ '${n.to}'` : `'${n.from}'${n.languages?.length ? ` is ${languageLabel(n.languages)} for` : ' means'} '${n.to}'`,
  );
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function describeMatch(ctx: NameRuleContext, seq: Words, notes: readonly WordNote[]): string {
  const words = seq.join(' ');
  const plural = seq.length > 1 ? 'words' : 'word';
  const typo = notes.find((n) => n.kind === 'typo' && seq.includes(n.to));
  if (typo) return `column name token '${typo.from}' ≈ '${typo.to}' (a likely typo; the name reads as '${ctx.tokens.join(' ')}')`;
  const written = ctx.columnName.toLowerCase();
  return written.includes(words.replace(/ /g, '')) || written.includes(words)
    ? `column name '${ctx.columnName}' has the ${plural} '${words}'`
    : `column name '${ctx.columnName}' reads as '${ctx.tokens.join(' ')}'${describeNotes(notes)}`;
}

/** The words next to `name`: the one before (`customer name`) and, Romance-style, after (`nombre cliente`). */
function nameQualifiers(tokens: readonly string[], at: number): string[] {
  return [tokens[at - 1], tokens[at + 1]].filter((x): x is string => x !== undefined && !/^\d+$/.test(x));
}

/** Evidence for the bare or qualified word `name` (`name`, `customer_name`, `product_name`, `nom_client`). */
function personNameEvidence(ctx: NameRuleContext, subject: TableSubject): Evidence | undefined {
  const { tokens } = ctx;
  const at = tokens.indexOf('name');
  if (at < 0 || tokens.some((x) => ABOUT_WORDS.includes(x)) || KEY_WORDS.includes(tokens[tokens.length - 1])) return undefined;
  const qualifiers = nameQualifiers(tokens, at);
  if (qualifiers.some((q) => NAME_QUALIFIERS_HANDLED_ELSEWHERE.has(q) || THING_QUALIFIERS.has(q))) return undefined;
  const person = qualifiers.find(isPersonWord);
  const part = familyFirstPart(ctx);
  if (part) {
    // Things have no family and given name: a name split so is a person's, whatever the table holds.
    const language = languageLabel(ctx.languages!.filter((l) => FAMILY_NAME_FIRST.has(l)).slice(0, 1));
    return {
      factor: 'name',
      category: part === 1 ? CATEGORY.lastName : CATEGORY.firstName,
      score: Math.max(SPLIT_NAME_SCORE[subject], person ? 0.85 : 0),
      source: 'name-rules',
      reason: `column '${ctx.columnName}' is part ${part} of a name split into numbered columns; ${language} names put the family name first`,
    };
  }
  // `gadget_name` in `gadgets` names the table's own rows (a person's only where the rows are people).
  const head = tableWords(ctx.tableName).at(-1);
  if (!person && qualifiers.some((q) => singular(q) === head)) return undefined;
  let score: number;
  let reason: string;
  if (person) {
    score = 0.85;
    reason = `column name '${ctx.columnName}' has words '${tokens.slice(Math.min(at, tokens.indexOf(person)), Math.max(at, tokens.indexOf(person)) + 1).join(' ')}'`;
  } else {
    const bySubject: Record<TableSubject, number> = qualifiers.length > 0
      ? { person: 0.6, 'person-related': 0.45, unknown: 0.3, thing: 0 }
      : { person: 0.8, 'person-related': 0.6, unknown: 0.4, thing: 0 };
    score = bySubject[subject];
    reason = `column '${ctx.columnName}' has the word 'name' in table '${ctx.tableName}', ${SUBJECT_TEXT[subject]}${ctx.subjectBecause ? ` (${ctx.subjectBecause})` : ''}`;
  }
  return score > 0 ? { factor: 'name', category: CATEGORY.name, score, source: 'name-rules', reason } : undefined;
}

/** Score of a numbered part of a split name (`name1`, `kana2`) by table subject. */
const SPLIT_NAME_SCORE: Record<TableSubject, number> = { person: 0.8, 'person-related': 0.7, unknown: 0.6, thing: 0.6 };

/**
 * 1 or 2 when the column is the first or second numbered part of a name (`name01`, `kana_2`,
 * `order_name1`) in a table whose names are in a language that writes the family name first.
 */
function familyFirstPart(ctx: NameRuleContext): 1 | 2 | undefined {
  if (!ctx.languages?.some((l) => FAMILY_NAME_FIRST.has(l))) return undefined;
  const last = ctx.tokens[ctx.tokens.length - 1];
  if (!/^\d+$/.test(last)) return undefined;
  const n = Number(last);
  return n === 1 || n === 2 ? n : undefined;
}

/** Bare words that name or title the row's own subject (`products.name`, `album.title`). */
const OWN_NAME_WORDS = new Set(['name', 'title', 'label', 'caption', 'heading']);

/**
 * `name` or `title` alone (or `product_name` in products) in a table of things names that thing, not
 * a person: evidence for system.operations, so that values that merely look like person names
 * ("Academy Dinosaur" is two capitalised words) do not decide alone.
 */
function thingNameEvidence(ctx: NameRuleContext, subject: TableSubject): Evidence | undefined {
  if (subject !== 'thing' && subject !== 'unknown') return undefined;
  const words = ctx.tokens.filter((t) => !/^\d+$/.test(t));
  const last = words[words.length - 1];
  if (!last || !OWN_NAME_WORDS.has(last)) return undefined;
  const qualifier = words.length === 2 ? words[0] : undefined;
  // `plugin_name` in `plugins`: the table's own head word names its rows, whatever the word.
  const ownHead = qualifier !== undefined && tableWords(ctx.tableName).at(-1) === singular(qualifier);
  // A bare `name` in a table of unclear subject may be a person's (name rules weigh it); a bare title
  // or label there titles the row (a holiday's, a page's), since people have names, not titles.
  if (subject === 'unknown' && !ownHead && (last === 'name' || words.length > 1)) return undefined;
  if (words.length > 2 || (qualifier !== undefined && !THING_QUALIFIERS.has(qualifier) && !ownHead)) return undefined;
  return {
    factor: 'name',
    category: CATEGORY.operations,
    score: subject === 'thing' ? THING_NAME_SCORE : OWN_TITLE_SCORE,
    source: 'name-rules',
    reason: `column '${ctx.columnName}' names or titles the rows of table '${ctx.tableName}', ${SUBJECT_TEXT[subject]}`,
  };
}

/**
 * A column named by its table's head noun is the thing the table names: `email_addresses.address` is an
 * email address, `phone_numbers.number` a phone number. Its words are then read as the table's.
 */
function readWithTable(ctx: NameRuleContext): NameRuleContext {
  if (ctx.tokens.length !== 1) return ctx;
  const table = tableWords(ctx.tableName);
  if (table.length < 2 || table[table.length - 1] !== ctx.tokens[0]) return ctx;
  return { ...ctx, tokens: table };
}

/** The table's subject, raised to person-related when an unclear table's comment names people. */
function effectiveSubject(ctx: NameRuleContext): TableSubject {
  if (ctx.tableSubject !== 'unknown' || !ctx.tableComment) return ctx.tableSubject;
  return personWordIn(analyzeName(ctx.tableComment.slice(0, COMMENT_MAX_LENGTH)).tokens) ? 'person-related' : 'unknown';
}

/** Positive evidence of rules over one token list (the name, or a comment's words). */
function positiveEvidence(
  ctx: NameRuleContext,
  tokens: readonly string[],
  subject: TableSubject,
  rules: readonly NameRule[],
  describe: (rule: NameRule, seq: Words) => string,
  rawName?: string,
): Evidence[] {
  if (tokens.length === 0 || isActionTimestamp(tokens)) return [];
  const out: Evidence[] = [];
  for (const rule of rules) {
    const seq = matchRule(rule, tokens, rawName);
    if (!seq) continue;
    const score = ruleScore(rule, ctx, subject, tokens);
    if (score > 0) out.push({ factor: 'name', category: rule.category, score, source: rule.source ?? 'name-rules', reason: describe(rule, seq) });
  }
  return out;
}

/** Rule matches in the column comment, scored lower than the same match in the name. */
function commentEvidence(ctx: NameRuleContext, subject: TableSubject, rules: readonly NameRule[]): Evidence[] {
  const comment = ctx.columnComment?.trim();
  if (!comment) return [];
  const tokens = analyzeName(comment.slice(0, COMMENT_MAX_LENGTH)).tokens.filter((t) => !COMMENT_STOP_WORDS.has(t));
  const found = positiveEvidence(ctx, tokens, subject, rules.filter((r) => !r.wholeName), (_rule, seq) => `column comment mentions '${seq.join(' ')}'`);
  return found.map((e) => ({ ...e, score: Math.round(e.score * COMMENT_WEIGHT * 100) / 100, source: 'comment-rules' }));
}

// Rule matches over the column name depend only on the name, the table subject and whether it is a
// table of workers; scans see the same column names in many tables, so they are computed once.
const byRules = new WeakMap<readonly NameRule[], Map<string, readonly Evidence[]>>();
const MEMO_LIMIT = 20_000;

function ruleEvidenceOfName(
  ctx: NameRuleContext,
  subject: TableSubject,
  rules: readonly NameRule[],
  cacheable: boolean,
  compute: () => Evidence[],
): Evidence[] {
  if (!cacheable || ctx.tokens !== analyzeName(ctx.columnName, ctx.languages).tokens) return compute();
  let memo = byRules.get(rules);
  if (!memo) byRules.set(rules, (memo = new Map()));
  const key = `${subject}\0${isWorkerTable(ctx.tableName)}\0${ctx.languages?.join(',') ?? ''}\0${ctx.columnName}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (found = compute()));
  }
  // Copies: one evidence object per field (YAML would alias shared ones).
  return found.map((e) => ({ ...e }));
}

/**
 * Name evidence (positive and vetoes) for one column; at most one positive per category (the
 * strongest). `extraRules` (from config) are tried alongside the built-in ones.
 */
export function nameEvidence(
  named: NameRuleContext,
  rules: readonly NameRule[] = NAME_RULES,
  vetoes: readonly NameVeto[] = NAME_VETOES,
  extraRules: readonly NameRule[] = [],
): Evidence[] {
  const ctx = readWithTable(named);
  const allRules = extraRules.length ? [...rules, ...extraRules] : rules;
  const subject = effectiveSubject(ctx);
  const { notes } = analyzeName(ctx.columnName, ctx.languages);
  const best = new Map<string, Evidence>();
  const keep = (e: Evidence) => {
    const current = best.get(e.category);
    if (!current || e.score > current.score) best.set(e.category, e);
  };
  const describe = (rule: NameRule, seq: Words) =>
    seq.length === 0
      ? `column name '${ctx.columnName}' matches the name pattern of rule '${rule.id}'`
      : describeMatch(ctx, seq, notes);
  ruleEvidenceOfName(ctx, subject, allRules, extraRules.length === 0, () =>
    positiveEvidence(ctx, ctx.tokens, subject, allRules, describe, ctx.columnName),
  ).forEach(keep);
  if (!isActionTimestamp(ctx.tokens)) {
    const person = personNameEvidence(ctx, subject);
    if (person) keep(person);
  }
  // A generic name (`code`, `number`, `house`) is read with its table's words: `payment_card.code` is a card code.
  const qualified = best.size === 0 ? tableQualifiedTokens(ctx.tokens, ctx.tableName) : undefined;
  if (qualified) {
    const describeQualified = (_rule: NameRule, seq: Words) =>
      `column '${ctx.columnName}' of table '${ctx.tableName}' reads as '${qualified.join(' ')}' (words '${seq.join(' ')}')`;
    for (const e of positiveEvidence(
      ctx,
      qualified,
      subject,
      allRules.filter((r) => !r.wholeName),
      describeQualified,
    )) {
      keep({ ...e, score: Math.round(e.score * TABLE_QUALIFIED_WEIGHT * 100) / 100 });
    }
  }
  commentEvidence(ctx, subject, allRules).forEach(keep);
  if (best.size === 0) {
    const thing = thingNameEvidence(ctx, subject);
    if (thing) keep(thing);
  }
  const out = [...best.values()];
  for (const veto of vetoes) {
    if (veto.onlyWith && !veto.onlyWith.some((x) => ctx.tokens.includes(x))) continue;
    const seq = veto.words.find((s) => findSequence(ctx.tokens, s) >= 0);
    if (!seq) continue;
    for (const category of veto.categories) {
      out.push({
        factor: 'name',
        category,
        score: 0,
        veto: true,
        source: 'name-rules',
        reason: `column name '${ctx.columnName}' names ${veto.what} ('${seq.join(' ')}')`,
      });
    }
  }
  return out;
}
