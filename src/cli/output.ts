/**
 * Terminal output: messages and progress go to stderr (stdout is for results and --json), with
 * --quiet and --verbose. Progress redraws one line on a TTY and prints plain lines otherwise.
 * Lines quote names from the database and the command line: control characters in them are shown
 * escaped, so a name cannot move the cursor or split a line.
 */
import { escapeControl } from '../util/printable.js';

export interface OutputOptions {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly stream?: NodeJS.WriteStream;
}

export class Output {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly #stream: NodeJS.WriteStream;
  readonly isTTY: boolean;
  #progressShown = false;

  constructor(options: OutputOptions) {
    this.quiet = options.quiet;
    this.verbose = options.verbose && !options.quiet;
    this.#stream = options.stream ?? process.stderr;
    this.isTTY = Boolean(this.#stream.isTTY) && !process.env.CI;
  }

  /** Normal messages (suppressed by --quiet). */
  info(line: string): void {
    if (!this.quiet) this.#write(line);
  }

  /** Details shown with --verbose. */
  debug(line: string): void {
    if (this.verbose) this.#write(line);
  }

  /** Warnings are shown even with --quiet. */
  warn(line: string): void {
    this.#write(`warning: ${line}`);
  }

  /** A one-line progress status; redrawn in place on a TTY (cut to its width at a `, `), a plain line otherwise. */
  progress(line: string): void {
    if (this.quiet) return;
    if (this.isTTY) {
      // A pseudo-terminal without a size reports 0 columns (docker exec -t, script): then 100.
      const columns = this.#stream.columns > 0 ? this.#stream.columns : 100;
      this.#stream.write(`\r\x1b[2K${fitWidth(escapeControl(line), columns - 1)}`);
      this.#progressShown = true;
    } else this.#stream.write(escapeControl(line) + '\n');
  }

  clearProgress(): void {
    if (this.#progressShown) {
      this.#stream.write('\r\x1b[2K');
      this.#progressShown = false;
    }
  }

  #write(line: string): void {
    this.clearProgress();
    this.#stream.write(escapeControl(line) + '\n');
  }
}

/** Cuts a line to `width` after its last whole `, `-separated part (the least important parts come last). */
export function fitWidth(line: string, width: number): string {
  if (line.length <= width) return line;
  const cut = line.lastIndexOf(', ', width);
  return cut > 0 ? line.slice(0, cut) : line.slice(0, width);
}

/** Plain-log progress (no terminal): a line every 5 s during the first minute, then every 30 s. */
export function plainProgressInterval(elapsedMs: number): number {
  return elapsedMs < 60_000 ? 5_000 : 30_000;
}

/**
 * Tracks table progress and renders `done/total (percent), ETA, rate`. On a terminal the line is
 * redrawn on every table; in plain logs the first line comes at once ("N tables to scan"), then
 * at the interval above.
 */
export class ProgressTracker {
  readonly #output: Output;
  readonly #total: number;
  readonly #now: () => number;
  readonly #started: number;
  #lastPlain: number;

  /** `now`: milliseconds on a monotonic clock (injectable for tests). */
  constructor(output: Output, total: number, now: () => number = () => performance.now()) {
    this.#output = output;
    this.#total = total;
    this.#now = now;
    this.#started = this.#lastPlain = now();
    if (!output.isTTY) output.progress(`scanning: ${total} table(s) to scan`);
  }

  update(done: number): void {
    const elapsed = (this.#now() - this.#started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const total = this.#total;
    const eta = rate > 0 ? (total - done) / rate : NaN;
    const line = `scanning: ${done}/${total} tables (${Math.floor((100 * done) / Math.max(1, total))}%), ETA ${formatDuration(eta)}, ${rate.toFixed(1)} tables/s`;
    if (this.#output.isTTY) this.#output.progress(line);
    else {
      const now = this.#now();
      if (done < total && now - this.#lastPlain >= plainProgressInterval(now - this.#started)) {
        this.#lastPlain = now;
        this.#output.progress(line);
      }
    }
  }
}

/** `7.2s`, `42s`, `3m05s`, `2h04m`: always with a unit. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 120) return `${Math.round(seconds)}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
