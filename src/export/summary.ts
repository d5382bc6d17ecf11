/**
 * Counts over a data map for the XLSX summary sheet, the HTML report and the JSON file. Counts are
 * of distinct fields, so a field listed once per system (or per category) is counted once.
 */
import { FIELD_STATUSES, type FieldStatus } from '../fides/dataset-file/status.js';
import type { DataMapRow } from './data-map.js';

export interface CategoryCount {
  readonly category: string;
  readonly name: string | null;
  readonly topLevelCategory: string;
  readonly fields: number;
}

export interface DatasetCount {
  readonly dataset: string;
  readonly tables: number;
  readonly fields: number;
  readonly personalFields: number;
  readonly reviewedFields: number;
}

export interface DataMapSummary {
  readonly rows: number;
  readonly fields: number;
  readonly personalFields: number;
  readonly datasets: number;
  readonly tables: number;
  /** Fields with a human decision (accepted, edited or ignored). */
  readonly reviewedFields: number;
  readonly byCategory: CategoryCount[];
  readonly byTopLevelCategory: { readonly topLevelCategory: string; readonly name: string | null; readonly fields: number }[];
  readonly byDataset: DatasetCount[];
  readonly byStatus: { readonly status: FieldStatus; readonly fields: number }[];
  /** dataset → category group → personal fields (the chart). */
  readonly topLevelByDataset: { readonly dataset: string; readonly groups: { readonly topLevelCategory: string; readonly fields: number }[] }[];
  /** Personal categories a system holds but none of its declarations for that dataset declares. */
  readonly undeclared: { readonly system: string; readonly dataset: string; readonly category: string; readonly fields: number }[];
}

const fieldId = (r: DataMapRow): string => `${r.dataset}\u0000${r.table}\u0000${r.field}`;

/** Distinct values of `key` per group, as counts. */
class DistinctCounter {
  readonly #sets = new Map<string, Set<string>>();
  add(group: string, key: string): void {
    let s = this.#sets.get(group);
    if (!s) this.#sets.set(group, (s = new Set()));
    s.add(key);
  }
  count(group: string): number {
    return this.#sets.get(group)?.size ?? 0;
  }
  groups(): string[] {
    return [...this.#sets.keys()];
  }
}

export function summarize(rows: readonly DataMapRow[]): DataMapSummary {
  const all = new Map<string, DataMapRow>();
  const personal = new Set<string>();
  const tables = new DistinctCounter();
  const datasetFields = new DistinctCounter();
  const datasetPersonal = new DistinctCounter();
  const datasetReviewed = new DistinctCounter();
  const category = new DistinctCounter();
  const group = new DistinctCounter();
  const groupByDataset = new Map<string, DistinctCounter>();
  const undeclared = new DistinctCounter();
  const categoryInfo = new Map<string, { name: string | null; top: string }>();
  const groupNames = new Map<string, string | null>();

  for (const r of rows) {
    const id = fieldId(r);
    all.set(id, r);
    tables.add(r.dataset, r.table);
    datasetFields.add(r.dataset, id);
    if (r.status !== 'proposed') datasetReviewed.add(r.dataset, id);
    if (!r.personal || r.category === null || r.topLevelCategory === null) continue;
    personal.add(id);
    datasetPersonal.add(r.dataset, id);
    category.add(r.category, id);
    categoryInfo.set(r.category, { name: r.categoryName, top: r.topLevelCategory });
    group.add(r.topLevelCategory, id);
    groupNames.set(r.topLevelCategory, r.topLevelCategoryName);
    let g = groupByDataset.get(r.dataset);
    if (!g) groupByDataset.set(r.dataset, (g = new DistinctCounter()));
    g.add(r.topLevelCategory, id);
    if (r.system && r.declared === false) undeclared.add(`${r.system.name}\u0000${r.dataset}\u0000${r.category}`, id);
  }

  const byCount =
    <T extends { fields: number }>(key: (x: T) => string) =>
    (a: T, b: T) =>
      b.fields - a.fields || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const statusCounts = new Map<FieldStatus, number>();
  for (const r of all.values()) statusCounts.set(r.status, (statusCounts.get(r.status) ?? 0) + 1);
  const datasets = datasetFields.groups().sort();
  return {
    rows: rows.length,
    fields: all.size,
    personalFields: personal.size,
    datasets: datasets.length,
    tables: datasets.reduce((n, d) => n + tables.count(d), 0),
    reviewedFields: [...all.values()].filter((r) => r.status !== 'proposed').length,
    byCategory: category
      .groups()
      .map((c) => ({ category: c, name: categoryInfo.get(c)!.name, topLevelCategory: categoryInfo.get(c)!.top, fields: category.count(c) }))
      .sort(byCount((x) => x.category)),
    byTopLevelCategory: group
      .groups()
      .map((g) => ({ topLevelCategory: g, name: groupNames.get(g) ?? null, fields: group.count(g) }))
      .sort(byCount((x) => x.topLevelCategory)),
    byDataset: datasets.map((d) => ({
      dataset: d,
      tables: tables.count(d),
      fields: datasetFields.count(d),
      personalFields: datasetPersonal.count(d),
      reviewedFields: datasetReviewed.count(d),
    })),
    byStatus: FIELD_STATUSES.map((status) => ({ status, fields: statusCounts.get(status) ?? 0 })),
    topLevelByDataset: datasets
      .filter((d) => groupByDataset.has(d))
      .map((d) => {
        const g = groupByDataset.get(d)!;
        return { dataset: d, groups: g.groups().map((t) => ({ topLevelCategory: t, fields: g.count(t) })).sort(byCount((x) => x.topLevelCategory)) };
      }),
    undeclared: undeclared
      .groups()
      .sort()
      .map((k) => {
        const [system, dataset, cat] = k.split('\u0000');
        return { system, dataset, category: cat, fields: undeclared.count(k) };
      }),
  };
}
