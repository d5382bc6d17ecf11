/**
 * Builds the data map: one row per (field, data category), and per system when a Fides system
 * manifest references the field's dataset through `privacy_declarations[].dataset_references`.
 * Pure: takes what the CLI read (dataset files through ReviewFile, the parsed manifest) and returns
 * rows in a fixed order plus warning lines. Only names and categories go in; no sampled value.
 */
import { dataSubject, dataUse } from '../fides/privacy-taxonomy.js';
import { Taxonomy } from '../fides/taxonomy.js';
import { isPersonalCategory } from '../fides/dataset-file/personal.js';
import { isDecided, type FieldStatus } from '../fides/dataset-file/status.js';
import type { ReviewField } from '../review/review-file.js';
import type { FidesSystem, SystemsManifest } from './systems.js';

export interface NamedKey {
  readonly key: string;
  readonly name: string;
}

export interface DataMapRow {
  readonly dataset: string /* fides_key */;
  readonly table: string;
  readonly field: string /* nested: a.b */;
  /** Null only for a field without categories (listed with --all-fields). */
  readonly category: string | null;
  /** Null when the key is not in the taxonomy. */
  readonly categoryName: string | null;
  /** The ancestor directly below `user`/`system` (`user.contact` for `user.contact.email`). */
  readonly topLevelCategory: string | null;
  readonly topLevelCategoryName: string | null;
  /** The category lies below `user` (fideslang's personal data); `system.*` is not. */
  readonly personal: boolean;
  readonly status: FieldStatus;
  readonly confidence: number | null;
  /** `accepted on 2026-05-01`, `edited`, `ignored`, … or `not reviewed`. */
  readonly decision: string;
  readonly reviewedAt: string | null;
  /** `new` (first seen by the latest scan) or `removed` (gone from the database, removal not yet confirmed). */
  readonly marker: 'new' | 'removed' | null;
  readonly system: NamedKey | null;
  readonly dataUses: readonly NamedKey[];
  readonly dataSubjects: readonly NamedKey[];
  /**
   * The data subjects are piiscout's proposal for the field's table (no system in the manifest
   * declares any for its dataset), not a declaration.
   */
  readonly dataSubjectsProposed: boolean;
  /** Whether the system's declarations for this dataset declare the (personal) category or an ancestor; null without a system or for non-personal rows. */
  readonly declared: boolean | null;
  /** The dataset file the field came from. */
  readonly file: string;
}

export interface DatasetFileInput {
  readonly file: string;
  readonly fields: readonly ReviewField[];
}

export interface DataMapOptions {
  readonly taxonomy?: Taxonomy;
  readonly systems?: SystemsManifest;
  /** Also list fields without personal data (system.* categories or none). */
  readonly allFields?: boolean;
}

export interface DataMap {
  readonly rows: DataMapRow[];
  readonly warnings: string[];
  readonly files: string[];
  readonly systemsFile: string | null;
  /** Built with allFields: rows for fields without personal data too. */
  readonly allFields: boolean;
}

/** A system's declarations that reference one dataset, reduced to what a row shows. */
interface DatasetUse {
  readonly system: NamedKey;
  readonly dataUses: NamedKey[];
  readonly dataSubjects: NamedKey[];
  readonly declaredCategories: string[];
}

export function buildDataMap(inputs: readonly DatasetFileInput[], options: DataMapOptions = {}): DataMap {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  const warnings: string[] = [];
  const datasetFiles = new Map<string, string>();
  for (const input of inputs) {
    for (const dataset of new Set(input.fields.map((f) => f.address.dataset))) {
      const earlier = datasetFiles.get(dataset);
      if (earlier !== undefined && earlier !== input.file) warnings.push(`dataset ${dataset} is in both ${earlier} and ${input.file}; its fields are listed from each`);
      else datasetFiles.set(dataset, input.file);
    }
  }
  const uses = options.systems ? joinSystems(options.systems, new Set(datasetFiles.keys()), taxonomy, warnings) : new Map<string, DatasetUse[]>();

  const unknownCategories = new Set<string>();
  const rows: DataMapRow[] = [];
  const personalDatasets = new Set<string>();
  for (const input of inputs) {
    for (const f of input.fields) {
      const categories: (string | null)[] = f.categories.length > 0 ? [...new Set(f.categories)] : [null];
      for (const category of categories) {
        const personal = category !== null && isPersonalCategory(category);
        if (!personal && !options.allFields) continue;
        if (personal) personalDatasets.add(f.address.dataset);
        if (category !== null && !taxonomy.has(category)) unknownCategories.add(category);
        const top = category === null ? null : topLevel(category);
        const base = {
          dataset: f.address.dataset,
          table: f.address.collection,
          field: f.address.field,
          category,
          categoryName: category === null ? null : (taxonomy.get(category)?.name ?? null),
          topLevelCategory: top,
          topLevelCategoryName: top === null ? null : (taxonomy.get(top)?.name ?? null),
          personal,
          status: f.status,
          confidence: f.confidence ?? null,
          decision: decisionText(f),
          reviewedAt: isDecided(f.status) ? (f.reviewedAt ?? null) : null,
          marker: f.isRemoved ? ('removed' as const) : f.isNew ? ('new' as const) : null,
          file: input.file,
        };
        const datasetUses = uses.get(f.address.dataset) ?? [];
        if (datasetUses.length === 0) {
          const proposed = (f.proposedDataSubjects ?? []).map((key) => ({ key, name: dataSubject(key)?.name ?? key }));
          rows.push({ ...base, system: null, dataUses: [], dataSubjects: proposed, dataSubjectsProposed: proposed.length > 0, declared: null });
          continue;
        }
        for (const u of datasetUses) {
          // Only personal categories: a system's declarations are about personal data.
          const declared = !personal || category === null ? null : u.declaredCategories.some((d) => Taxonomy.isWithin(category, d));
          rows.push({ ...base, system: u.system, dataUses: u.dataUses, dataSubjects: u.dataSubjects, dataSubjectsProposed: false, declared });
        }
      }
    }
  }
  for (const key of [...unknownCategories].sort()) warnings.push(`data category ${key} is not in the taxonomy (pass --config for custom categories); listed without a name`);
  if (options.systems) {
    for (const dataset of [...personalDatasets].sort()) {
      if (!uses.has(dataset)) warnings.push(`dataset ${dataset} holds personal data but no system in ${options.systems.file} references it`);
    }
  }
  rows.sort(compareRows);
  return { rows, warnings, files: inputs.map((i) => i.file), systemsFile: options.systems?.file ?? null, allFields: options.allFields ?? false };
}

/** `user.contact.email` → `user.contact`; a one- or two-part key is its own top level. */
export function topLevel(category: string): string {
  return category.split('.').slice(0, 2).join('.');
}

export function decisionText(f: Pick<ReviewField, 'status' | 'reviewedAt'>): string {
  if (!isDecided(f.status)) return 'not reviewed';
  if (!f.reviewedAt) return f.status;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(f.reviewedAt)?.[0] ?? f.reviewedAt;
  return `${f.status} on ${day}`;
}

/** dataset fides_key → the systems whose declarations reference it; warns about references to datasets not exported. */
function joinSystems(manifest: SystemsManifest, datasets: ReadonlySet<string>, taxonomy: Taxonomy, warnings: string[]): Map<string, DatasetUse[]> {
  const out = new Map<string, DatasetUse[]>();
  const unknownUses = new Set<string>();
  const unknownSubjects = new Set<string>();
  for (const system of manifest.systems) {
    for (const d of system.declarations) {
      if (!dataUse(d.dataUse)) unknownUses.add(d.dataUse);
      for (const s of d.dataSubjects) if (!dataSubject(s)) unknownSubjects.add(s);
      for (const c of d.dataCategories) {
        if (!taxonomy.has(c)) warnings.push(`${manifest.file}: system ${system.key} declares data category ${c}, which is not in the taxonomy`);
      }
    }
    const referenced = [...new Set(system.declarations.flatMap((d) => d.datasetReferences))].sort();
    for (const dataset of referenced) {
      if (!datasets.has(dataset)) {
        warnings.push(`${manifest.file}: system ${system.key} references dataset ${dataset}, which is not in the exported files`);
        continue;
      }
      let list = out.get(dataset);
      if (!list) out.set(dataset, (list = []));
      list.push(datasetUse(system, dataset));
    }
  }
  for (const key of [...unknownUses].sort()) warnings.push(`${manifest.file}: data use ${key} is not in the fideslang default taxonomy; shown by its key`);
  for (const key of [...unknownSubjects].sort()) warnings.push(`${manifest.file}: data subject ${key} is not in the fideslang default taxonomy; shown by its key`);
  for (const list of out.values()) list.sort((a, b) => cmp(a.system.name, b.system.name) || cmp(a.system.key, b.system.key));
  return out;
}

function datasetUse(system: FidesSystem, dataset: string): DatasetUse {
  const declarations = system.declarations.filter((d) => d.datasetReferences.includes(dataset));
  const useKeys = [...new Set(declarations.map((d) => d.dataUse))].sort();
  const subjectKeys = [...new Set(declarations.flatMap((d) => d.dataSubjects))].sort();
  return {
    system: { key: system.key, name: system.name },
    dataUses: useKeys.map((key) => ({ key, name: dataUse(key)?.name ?? key })),
    dataSubjects: subjectKeys.map((key) => ({ key, name: dataSubject(key)?.name ?? key })),
    declaredCategories: [...new Set(declarations.flatMap((d) => d.dataCategories))],
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a: DataMapRow, b: DataMapRow): number {
  return (
    cmp(a.dataset, b.dataset) ||
    cmp(a.table, b.table) ||
    cmp(a.field, b.field) ||
    cmp(a.category ?? '', b.category ?? '') ||
    cmp(a.system?.name ?? '', b.system?.name ?? '') ||
    cmp(a.system?.key ?? '', b.system?.key ?? '') ||
    cmp(a.file, b.file)
  );
}
