/**
 * `--shard i/n`: splits a scan's tables into n disjoint parts so n machines (CI jobs, a Kubernetes
 * indexed Job) can each scan one. A table's shard is FNV-1a (32 bit) of `schema.table` mod n: stable
 * across runs, machines and Node versions, and independent of which other tables exist, so adding a
 * table never moves the others. Shards are numbered 1..n on the command line (shard 1/3, 2/3, 3/3),
 * matching how people count jobs; `fromZeroBased` maps a 0-based job index (JOB_COMPLETION_INDEX).
 */
import { ExitCode, UserError } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';
import { printable } from '../util/printable.js';
import type { TableFilter } from './filters.js';
import { fnv1a32 } from '../util/seeded-random.js';

export interface Shard {
  /** 1-based: 1..count. */
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n ≤ 10,000). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d{1,16})\s*\/\s*(\d{1,16})\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count || count > LIMITS.shards.max) {
    throw new UserError(`--shard must be i/n with 1 ≤ i ≤ n ≤ ${LIMITS.shards.max.toLocaleString('en-US')}, got '${printable(text, 40)}'`, {
      hint: 'shards are numbered from 1: --shard 1/3, --shard 2/3, --shard 3/3 (a 0-based job index k is shard k+1)',
      exitCode: ExitCode.usage,
    });
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The table hash shards are chosen by (FNV-1a over UTF-8). */
export { fnv1a32 };

/** The 1-based shard a table belongs to among `count` shards. */
export function shardOfTable(schema: string, table: string, count: number): number {
  return (fnv1a32(`${schema}.${table}`) % count) + 1;
}

export function inShard(shard: Shard, schema: string, table: string): boolean {
  return shard.count === 1 || shardOfTable(schema, table, shard.count) === shard.index;
}

/** Narrows a filter to the tables of one shard; schemas stay (every shard writes every dataset). */
export function restrictToShard(filter: TableFilter, shard: Shard): TableFilter {
  if (shard.count === 1) return filter;
  return {
    isEmpty: false,
    includeSchema: (s) => filter.includeSchema(s),
    includeTable: (s, t) => inShard(shard, s, t) && filter.includeTable(s, t),
    includeColumn: (s, t, c) => filter.includeColumn(s, t, c),
  };
}
