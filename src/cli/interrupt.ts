/**
 * Ctrl-C during a scan: the first asks the scan service to stop (tables in flight finish, the
 * checkpoint keeps them, the scan fails with exit 130), the second quits at once.
 */
import type { Output } from './output.js';

export interface ScanInterrupt {
  readonly signal: AbortSignal;
  /** What a Ctrl-C does (the test hook PIISCOUT_TEST_ABORT_AFTER_TABLES calls it too). */
  interrupt(): void;
  /** Stops listening for SIGINT. */
  dispose(): void;
}

export function interruptOnSigint(out: Output): ScanInterrupt {
  const abort = new AbortController();
  const interrupt = (): void => {
    if (abort.signal.aborted) process.exit(130);
    out.warn('interrupted: finishing tables in flight, press Ctrl-C again to quit now');
    abort.abort();
  };
  process.on('SIGINT', interrupt);
  return { signal: abort.signal, interrupt, dispose: () => void process.off('SIGINT', interrupt) };
}
