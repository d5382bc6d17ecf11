/**
 * Bounds of every numeric setting, on the command line and in the config file alike. A scan must
 * stay bounded whatever it is given (`--sample-size 1e9` would read a whole large table), so each
 * setting has a documented maximum (see `--help` and the README).
 */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const LIMITS = {
  /** Rows sampled per table. */
  sampleSize: { min: 0, max: 10_000 },
  /** Tables sampled in parallel (and the connection pool size). */
  concurrency: { min: 1, max: 64 },
  /** Seconds per SQL statement. */
  statementTimeout: { min: 1, max: 3_600 },
  /** Characters kept of a sampled value. */
  maxValueLength: { min: 16, max: 4_096 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  /** `--shard i/n`: n. */
  shards: { min: 1, max: 10_000 },
  /** `evaluate --top`: confusions listed. */
  evaluateTop: { min: 1, max: 1_000 },
  /** `review --serve --port`. */
  port: { min: 1, max: 65_535 },
  /** `schedule --stop-timeout`, seconds. */
  stopTimeout: { min: 0, max: 3_600 },
} as const satisfies Record<string, Range>;

/** `0 to 10,000` */
export function describeRange(range: Range): string {
  return `${groupThousands(range.min)} to ${groupThousands(range.max)}`;
}

/**
 * `10000` → `10,000`, as `toLocaleString('en-US')` writes an integer. Every command builds its help
 * texts with these, and the first toLocaleString loads ICU's locale data (~40 ms at start-up).
 */
export function groupThousands(integer: number): string {
  return String(integer).replace(/\B(?=(\d{3})+$)/g, ',');
}
