/**
 * What the review page gets from the dataset file (the shapes are in api-types.ts): a compact
 * snapshot of every field, grouped dataset → table in the file's order, with the taxonomy for the
 * category picker; and, per field on demand, the evidence behind its proposal. The snapshot leaves
 * the evidence out because it is most of the file (about 0.7 kB of 0.8 kB per field): at 100,000
 * fields the page would parse tens of MB before showing anything.
 */
import path from 'node:path';
import type { Taxonomy } from '../fides/taxonomy.js';
import { FIELD_FLAG_NEW, FIELD_FLAG_REMOVED, type FieldAddress, type FieldDetail, type FieldRow, type ReviewSnapshot } from './api-types.js';
import { CONFIDENCE_BANDS } from './confidence-bands.js';
import type { ReviewField } from './review-file.js';

export function fieldRow(f: ReviewField): FieldRow {
  const flags = (f.isNew ? FIELD_FLAG_NEW : 0) | (f.isRemoved ? FIELD_FLAG_REMOVED : 0);
  const row: FieldRow = [f.address.field, f.status, f.confidence ?? null, f.categories, f.dataType ?? null, flags];
  if (f.machineProposal) row.push([f.machineProposal.categories, f.machineProposal.confidence]);
  return row;
}

export function fieldDetail(f: ReviewField): FieldDetail {
  const detail: FieldDetail = { evidence: f.evidence ?? [], alternatives: f.alternatives ?? [] };
  if (f.note !== undefined) detail.note = f.note;
  if (f.description !== undefined) detail.description = f.description;
  if (f.proposedFidesMeta !== undefined) detail.proposedFidesMeta = f.proposedFidesMeta;
  return detail;
}

/**
 * The fields grouped dataset → table, keeping the file's order of each (a name that appears twice,
 * as in a hand-merged file, is one group): the order of the snapshot's `fields`.
 */
export function groupFields(fields: readonly ReviewField[]): ReviewField[] {
  const datasets = new Map<string, Map<string, ReviewField[]>>();
  for (const f of fields) {
    const { dataset, collection } = f.address;
    let tables = datasets.get(dataset);
    if (!tables) datasets.set(dataset, (tables = new Map()));
    let list = tables.get(collection);
    if (!list) tables.set(collection, (list = []));
    list.push(f);
  }
  return [...datasets.values()].flatMap((tables) => [...tables.values()].flat());
}

/** The snapshot of fields at `addresses` (as `groupFields` orders them) with these rows. */
export function buildSnapshot(
  filePath: string,
  version: string,
  addresses: readonly FieldAddress[],
  rows: readonly FieldRow[],
  taxonomy: Taxonomy,
): ReviewSnapshot {
  const datasets: ReviewSnapshot['datasets'] = [];
  for (const { dataset, collection } of addresses) {
    let d = datasets.at(-1);
    if (d?.name !== dataset) datasets.push((d = { name: dataset, collections: [] }));
    const c = d.collections.at(-1);
    if (c?.name === collection) c.fieldCount++;
    else d.collections.push({ name: collection, fieldCount: 1 });
  }
  return {
    fileName: path.basename(filePath),
    filePath: path.resolve(filePath),
    version,
    taxonomy: taxonomy.entries(),
    confidenceBands: { ...CONFIDENCE_BANDS },
    datasets,
    fields: [...rows],
  };
}
