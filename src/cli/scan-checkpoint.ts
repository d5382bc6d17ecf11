/** The test-only hook that interrupts a scan after n tables, as a Ctrl-C would. */

/** PIISCOUT_TEST_ABORT_AFTER_TABLES=n: test-only, interrupts a scan after n tables (like Ctrl-C). */
export function testAbortAfterTables(): number | undefined {
  const raw = process.env.PIISCOUT_TEST_ABORT_AFTER_TABLES;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
