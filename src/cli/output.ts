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

  /** A one-line progress status; redrawn in place on a TTY. */
  progress(line: string): void {
    if (this.quiet) return;
    if (this.isTTY) {
      const width = this.#stream.columns ?? 100;
      this.#stream.write(`\r\x1b[2K${escapeControl(line).slice(0, width - 1)}`);
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

/** Tracks table progress and renders `done/total, rate, ETA`. */
export class ProgressTracker {
  readonly #started = performance.now();
  #lastPlain = 0;

  constructor(
    private readonly output: Output,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const elapsed = (performance.now() - this.#started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const line = `scanning: ${done}/${this.total} tables (${Math.floor((100 * done) / Math.max(1, this.total))}%), ${rate.toFixed(1)} tables/s, ETA ${formatDuration(eta)}`;
    if (this.output.isTTY) this.output.progress(line);
    else {
      // Plain logs (CI, files): a line every 10 s, so short scans stay quiet and long ones show life.
      const now = performance.now();
      if (this.#lastPlain === 0) this.#lastPlain = this.#started;
      if (done < this.total && now - this.#lastPlain > 10_000) {
        this.#lastPlain = now;
        this.output.progress(line);
      }
    }
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 120) return `${Math.round(seconds)}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
