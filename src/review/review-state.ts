/**
 * The JSON the review page renders: the file's fields grouped dataset → table, the counts the page
 * shows, and the taxonomy (names and descriptions) for the category picker. Built fresh from the
 * file on disk for every request, so the page never shows a stale copy as current.
 */
import path from 'node:path';
import type { Taxonomy, TaxonomyEntry } from '../fides/taxonomy.js';
import { CONFIDENCE_BANDS } from './confidence-bands.js';
import type { FieldStatus } from '../fides/dataset-file/status.js';
import type { ReviewField, ReviewFile } from './review-file.js';

export interface StatusCounts {
  total: number;
  /** Fields still waiting for a decision (status `proposed`). */
  toReview: number;
  accepted: number;
  edited: number;
  ignored: number;
}

export interface CollectionState {
  name: string;
  counts: StatusCounts;
  fields: ReviewField[];
}

export interface DatasetState {
  name: string;
  counts: StatusCounts;
  collections: CollectionState[];
}

export interface ReviewState {
  fileName: string;
  filePath: string;
  version: string;
  counts: StatusCounts;
  datasets: DatasetState[];
  taxonomy: TaxonomyEntry[];
  /** Where the page's High and Medium bands start (the same as `review --accept-above` summaries). */
  confidenceBands: typeof CONFIDENCE_BANDS;
}

export function countStatuses(fields: readonly ReviewField[]): StatusCounts {
  const counts: StatusCounts = { total: fields.length, toReview: 0, accepted: 0, edited: 0, ignored: 0 };
  const key: Record<FieldStatus, Exclude<keyof StatusCounts, 'total'>> = {
    proposed: 'toReview',
    accepted: 'accepted',
    edited: 'edited',
    ignored: 'ignored',
  };
  for (const field of fields) counts[key[field.status]]++;
  return counts;
}

export function buildReviewState(file: ReviewFile, taxonomy: Taxonomy): ReviewState {
  const fields = file.fields();
  // Keep the file's order of datasets, tables and fields: it is the order the reviewer sees in the YAML.
  const datasets = new Map<string, Map<string, ReviewField[]>>();
  for (const field of fields) {
    const { dataset, collection } = field.address;
    let tables = datasets.get(dataset);
    if (!tables) datasets.set(dataset, (tables = new Map()));
    let list = tables.get(collection);
    if (!list) tables.set(collection, (list = []));
    list.push(field);
  }
  return {
    fileName: path.basename(file.path),
    filePath: path.resolve(file.path),
    version: file.version,
    counts: countStatuses(fields),
    datasets: [...datasets].map(([name, tables]) => {
      const collections = [...tables].map(([table, list]) => ({ name: table, counts: countStatuses(list), fields: list }));
      return { name, counts: countStatuses(collections.flatMap((c) => c.fields)), collections };
    }),
    taxonomy: taxonomy.entries(),
    confidenceBands: CONFIDENCE_BANDS,
  };
}
