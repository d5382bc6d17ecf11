/**
 * Which database engines the test run covers. PIISCOUT_TEST_ENGINES is a comma list
 * (e.g. `sqlite,pglite` to run without database servers); unset means all four.
 */
import { describe, it } from 'vitest';

export const ALL_TEST_ENGINES = ['postgres', 'mysql', 'sqlite', 'pglite'] as const;
export type TestEngine = (typeof ALL_TEST_ENGINES)[number];

/** Engines that need a server process started by test/setup/global-setup.ts. */
export const SERVER_ENGINES: readonly TestEngine[] = ['postgres', 'mysql'];

export function parseTestEngines(value: string | undefined): TestEngine[] {
  if (value === undefined || value.trim() === '') return [...ALL_TEST_ENGINES];
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(ALL_TEST_ENGINES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `PIISCOUT_TEST_ENGINES has unknown engine(s) ${unknown.join(', ')}; use a comma list of ${ALL_TEST_ENGINES.join(',')}`,
    );
  }
  // Keep the canonical order so test names are stable whatever order the variable lists them in.
  return ALL_TEST_ENGINES.filter((engine) => names.includes(engine));
}

export function selectedEngines(): TestEngine[] {
  return parseTestEngines(process.env.PIISCOUT_TEST_ENGINES);
}

export function isEngineSelected(engine: TestEngine): boolean {
  return selectedEngines().includes(engine);
}

/**
 * One `describe` block per selected engine, named `title [engine]`. `only` limits it to the engines
 * a feature supports. Writes a skipped placeholder when none is selected, so the file still reports.
 */
export function describeEngines(
  title: string,
  body: (engine: TestEngine) => void,
  only: readonly TestEngine[] = ALL_TEST_ENGINES,
): void {
  const engines = selectedEngines().filter((engine) => only.includes(engine));
  if (engines.length === 0) {
    describe.skip(`${title} (no selected engine among ${only.join(',')})`, () => {
      it('needs one of these engines in PIISCOUT_TEST_ENGINES', () => {});
    });
    return;
  }
  for (const engine of engines) describe(`${title} [${engine}]`, () => body(engine));
}
