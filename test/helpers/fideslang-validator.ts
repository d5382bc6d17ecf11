/**
 * Independent check of Fides dataset YAML against the fideslang rules (fideslang 3.1.x models and
 * validators, as in test/fixtures/fideslang/fideslang-py/fideslang/models.py, plus the fides
 * server's taxonomy check). Written from that document, not from piiscout's emitter, so the two can
 * disagree. Unknown keys are allowed everywhere: fideslang ignores them (extra="ignore").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIDESLANG_REFERENCE_DIR = path.join(repoRoot, 'test', 'fixtures', 'fideslang-taxonomy');

/** FORMAT.md §2: fideslang also allows `<` and `>` (SaaS placeholders); keys we generate must not use them. */
const FIDES_KEY = /^[A-Za-z0-9_.-]+$/;
const DATA_TYPES = new Set(['string', 'integer', 'float', 'boolean', 'object_id', 'object']);

export interface FidesValidationOptions {
  /**
   * fideslang re-sorts collections and fields on load instead of rejecting unsorted input, but
   * piiscout must emit them sorted (FORMAT.md §11.3) so diffs stay stable. Default true.
   */
  readonly requireSorted?: boolean;
}

let defaultTaxonomy: Set<string> | undefined;

/** The 85 data category keys of Fides' default taxonomy. */
export function loadTaxonomyKeys(): Set<string> {
  if (!defaultTaxonomy) {
    const entries = parse(readFileSync(path.join(FIDESLANG_REFERENCE_DIR, 'data_categories.yml'), 'utf8')) as { fides_key: string }[];
    defaultTaxonomy = new Set(entries.map((entry) => entry.fides_key));
  }
  return defaultTaxonomy;
}

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const describe = (value: unknown): string => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value);

/** Returns one human-readable line per violation; an empty list means the document is valid. */
export function validateFidesDatasetFile(doc: unknown, taxonomyKeys?: Set<string>, options: FidesValidationOptions = {}): string[] {
  const check = new Checker(taxonomyKeys ?? loadTaxonomyKeys(), options.requireSorted ?? true);
  if (!isDict(doc) || !Array.isArray(doc.dataset)) {
    return ['the document must be a mapping with a top-level `dataset:` list'];
  }
  const seenKeys = new Set<string>();
  doc.dataset.forEach((dataset, i) => {
    const at = `dataset[${i}]${isDict(dataset) && typeof dataset.fides_key === 'string' ? ` (${dataset.fides_key})` : ''}`;
    check.dataset(dataset, at);
    if (isDict(dataset) && typeof dataset.fides_key === 'string') {
      if (seenKeys.has(dataset.fides_key)) check.fail(`${at}.fides_key`, `duplicate fides_key ${JSON.stringify(dataset.fides_key)}`);
      seenKeys.add(dataset.fides_key);
    }
  });
  return check.violations;
}

class Checker {
  readonly violations: string[] = [];

  constructor(
    private readonly taxonomy: Set<string>,
    private readonly requireSorted: boolean,
  ) {}

  fail(at: string, message: string): void {
    this.violations.push(`${at}: ${message}`);
  }

  dataset(dataset: unknown, at: string): void {
    if (!isDict(dataset)) return this.fail(at, `must be a mapping, not ${describe(dataset)}`);
    this.fidesKey(dataset.fides_key, `${at}.fides_key`, true);
    this.fidesKey(dataset.organization_fides_key, `${at}.organization_fides_key`, false);
    this.optionalStringList(dataset.tags, `${at}.tags`);
    // Dataset-level fields coerce numbers to strings (FidesModel coerce_numbers_to_str).
    for (const key of ['name', 'description'] as const) this.optionalString(dataset[key], `${at}.${key}`, true);
    if (dataset.meta != null && !isDict(dataset.meta)) this.fail(`${at}.meta`, `must be a mapping, not ${describe(dataset.meta)}`);
    this.dataCategories(dataset.data_categories, `${at}.data_categories`);
    this.datasetMeta(dataset.fides_meta ?? dataset.fidesops_meta, `${at}.fides_meta`);
    this.namedList(dataset.collections, `${at}.collections`, 'collection', true, (c, cAt) => this.collection(c, cAt));
  }

  private datasetMeta(meta: unknown, at: string): void {
    if (meta == null) return;
    if (!isDict(meta)) return this.fail(at, `must be a mapping, not ${describe(meta)}`);
    this.optionalString(meta.resource_id, `${at}.resource_id`);
    this.list(meta.after, `${at}.after`, (key, keyAt) => this.fidesKey(key, keyAt, true));
    if (meta.namespace != null && !isDict(meta.namespace)) this.fail(`${at}.namespace`, 'must be a mapping');
    this.redact(meta.redact, `${at}.redact`);
  }

  private collection(collection: Dict, at: string): void {
    this.optionalString(collection.description, `${at}.description`);
    this.dataCategories(collection.data_categories, `${at}.data_categories`);
    this.collectionMeta(collection.fides_meta ?? collection.fidesops_meta, `${at}.fides_meta`);
    this.namedList(collection.fields, `${at}.fields`, 'field', true, (f, fAt) => this.field(f, fAt));
  }

  private collectionMeta(meta: unknown, at: string): void {
    if (meta == null) return;
    if (!isDict(meta)) return this.fail(at, `must be a mapping, not ${describe(meta)}`);
    for (const key of ['after', 'erase_after'] as const) {
      this.list(meta[key], `${at}.${key}`, (value, valueAt) => {
        const parts = typeof value === 'string' ? value.split('.') : [];
        if (parts.length !== 2 || !parts.every((part) => FIDES_KEY.test(part))) {
          this.fail(valueAt, `must be a collection key 'dataset_key.collection_name', not ${JSON.stringify(value)}`);
        }
      });
    }
    this.optionalBoolean(meta.skip_processing, `${at}.skip_processing`);
    if (meta.masking_strategy_override != null) {
      const override = meta.masking_strategy_override;
      if (!isDict(override) || override.strategy !== 'delete') {
        this.fail(`${at}.masking_strategy_override`, 'must be {strategy: delete} (the only collection-level strategy)');
      }
    }
    const partitioning = meta.partitioning;
    if (partitioning != null && !isDict(partitioning) && !(Array.isArray(partitioning) && partitioning.every(isDict))) {
      this.fail(`${at}.partitioning`, 'must be a mapping or a list of mappings');
    }
    this.redact(meta.redact, `${at}.redact`);
  }

  /** Fields nest: sub-fields follow the same rules, except that fideslang does not sort or dedupe them. */
  private field(field: Dict, at: string): void {
    this.optionalString(field.description, `${at}.description`);
    this.dataCategories(field.data_categories, `${at}.data_categories`);
    const meta = field.fides_meta ?? field.fidesops_meta;
    const dataType = this.fieldMeta(meta, `${at}.fides_meta`);
    if (field.fields == null) return;
    this.namedList(field.fields, `${at}.fields`, 'field', false, (f, fAt) => this.field(f, fAt));
    if (Array.isArray(field.fields) && field.fields.length > 0 && dataType !== undefined && dataType.replace(/\[\]$/, '') !== 'object') {
      this.fail(`${at}.fides_meta.data_type`, `"${dataType}" cannot have sub-fields; declare it as object or object[]`);
    }
  }

  /** Checks a field's fides_meta and returns its data_type when that is a valid one. */
  private fieldMeta(meta: unknown, at: string): string | undefined {
    if (meta == null) return undefined;
    if (!isDict(meta)) {
      this.fail(at, `must be a mapping, not ${describe(meta)}`);
      return undefined;
    }
    this.list(meta.references, `${at}.references`, (reference, refAt) => {
      if (!isDict(reference)) return this.fail(refAt, `must be a mapping {dataset, field, direction?}, not ${describe(reference)}`);
      this.fidesKey(reference.dataset, `${refAt}.dataset`, true);
      if (typeof reference.field !== 'string' || reference.field === '') this.fail(`${refAt}.field`, 'is required: a dot path collection.field');
      if (reference.direction != null && reference.direction !== 'from' && reference.direction !== 'to') {
        this.fail(`${refAt}.direction`, `must be "from" or "to", not ${JSON.stringify(reference.direction)}`);
      }
    });
    this.optionalString(meta.identity, `${at}.identity`);
    this.optionalBoolean(meta.primary_key, `${at}.primary_key`);
    this.optionalBoolean(meta.return_all_elements, `${at}.return_all_elements`);
    this.optionalBoolean(meta.read_only, `${at}.read_only`);
    this.optionalString(meta.custom_request_field, `${at}.custom_request_field`);
    if (meta.length != null && !(Number.isInteger(meta.length) && (meta.length as number) > 0)) {
      this.fail(`${at}.length`, `must be a positive integer, not ${JSON.stringify(meta.length)}`);
    }
    if (meta.masking_strategy_override != null) {
      const override = meta.masking_strategy_override;
      if (!isDict(override) || typeof override.strategy !== 'string' || (override.configuration != null && !isDict(override.configuration))) {
        this.fail(`${at}.masking_strategy_override`, 'must be {strategy: <name>, configuration?: {...}}');
      }
    }
    this.redact(meta.redact, `${at}.redact`);

    let dataType: string | undefined;
    if (meta.data_type != null) {
      if (typeof meta.data_type !== 'string' || !DATA_TYPES.has(meta.data_type.replace(/\[\]$/, ''))) {
        this.fail(`${at}.data_type`, `${JSON.stringify(meta.data_type)} is not supported; use one of ${[...DATA_TYPES].join('|')}, optionally with []`);
      } else {
        dataType = meta.data_type;
      }
    }
    if (meta.return_all_elements != null && !(typeof meta.data_type === 'string' && meta.data_type.endsWith('[]'))) {
      this.fail(`${at}.return_all_elements`, 'can only be set on array fields (data_type ending in [])');
    }
    return dataType;
  }

  /**
   * A list of mappings with a string `name`. `checked` lists (collections, a collection's fields) are
   * required, unique and sorted; nested sub-fields are optional and fideslang checks neither.
   */
  private namedList(value: unknown, at: string, what: string, checked: boolean, each: (item: Dict, itemAt: string) => void): void {
    if (value == null && !checked) return;
    if (!Array.isArray(value)) return this.fail(at, `is required: a list of ${what}s (may be empty), not ${describe(value)}`);
    const names: string[] = [];
    value.forEach((item, i) => {
      const itemAt = `${at}[${i}]${isDict(item) && typeof item.name === 'string' ? ` (${item.name})` : ''}`;
      if (!isDict(item)) return this.fail(itemAt, `must be a mapping, not ${describe(item)}`);
      if (typeof item.name !== 'string' || item.name === '') this.fail(`${itemAt}.name`, `is required: the ${what} name`);
      else names.push(item.name);
      each(item, itemAt);
    });
    if (!checked) return;
    const duplicates = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
    if (duplicates.length > 0) this.fail(at, `duplicate ${what} names: ${duplicates.join(', ')}`);
    // fideslang sorts with Python's str order (code points), not locale order.
    const firstUnsorted = names.findIndex((name, i) => i > 0 && names[i - 1] > name);
    if (this.requireSorted && firstUnsorted > 0) {
      this.fail(at, `${what}s must be sorted by name: "${names[firstUnsorted - 1]}" comes before "${names[firstUnsorted]}"`);
    }
  }

  private dataCategories(value: unknown, at: string): void {
    this.list(value, at, (key, keyAt) => {
      if (!this.fidesKey(key, keyAt, true)) return;
      if (!this.taxonomy.has(key as string)) this.fail(keyAt, `unknown data category ${JSON.stringify(key)} (not in the Fides taxonomy)`);
    });
  }

  /** Returns true when the value is a well-formed key. */
  private fidesKey(value: unknown, at: string, required: boolean): boolean {
    if (value == null) {
      if (required) this.fail(at, 'is required');
      return false;
    }
    if (typeof value !== 'string' || !FIDES_KEY.test(value)) {
      this.fail(at, `must be a FidesKey (letters, digits, '_', '.', '-'), not ${JSON.stringify(value)}`);
      return false;
    }
    return true;
  }

  private list(value: unknown, at: string, each: (item: unknown, itemAt: string) => void): void {
    if (value == null) return;
    if (!Array.isArray(value)) return this.fail(at, `must be a list, not ${describe(value)}`);
    value.forEach((item, i) => each(item, `${at}[${i}]`));
  }

  private optionalStringList(value: unknown, at: string): void {
    this.list(value, at, (item, itemAt) => {
      if (typeof item !== 'string') this.fail(itemAt, `must be a string, not ${describe(item)}`);
    });
  }

  private optionalString(value: unknown, at: string, allowNumber = false): void {
    if (value == null || typeof value === 'string' || (allowNumber && typeof value === 'number')) return;
    this.fail(at, `must be a string, not ${describe(value)}`);
  }

  private optionalBoolean(value: unknown, at: string): void {
    if (value != null && typeof value !== 'boolean') this.fail(at, `must be true or false, not ${JSON.stringify(value)}`);
  }

  private redact(value: unknown, at: string): void {
    if (value != null && value !== 'name') this.fail(at, `can only be "name", not ${JSON.stringify(value)}`);
  }
}
