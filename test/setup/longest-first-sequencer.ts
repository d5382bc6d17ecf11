/**
 * Test file order for a run without vitest's timing cache (a fresh clone: CI). Vitest then starts the
 * largest files first, so a short file that runs long (package-install: minutes of npm) may start last
 * and leave one worker busy while the other idles. Here the files known to take longest start first;
 * the rest keep vitest's order. With the cache (any earlier run), vitest's own longest-first order is used.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each file took in a whole run on the loaded 2-core machine (2026-12-08): only the order matters. */
const EXPECTED_SECONDS: Readonly<Record<string, number>> = {
  'test/integration/package-install.test.ts': 350,
  'test/integration/yaml-special-names.test.ts': 100,
  'test/integration/cli-scan.test.ts': 84,
  'test/integration/proposal-reasons.test.ts': 76,
  'test/integration/scan-selection.test.ts': 61,
  'test/unit/unseen-corpora.test.ts': 60,
  'test/unit/demo-database.test.ts': 57,
  'test/integration/subject-request.test.ts': 55,
  'test/integration/review-page-large.test.ts': 20,
  'test/integration/noop-config.test.ts': 41,
  'test/unit/review-splice.test.ts': 40,
  'test/integration/million-fields.test.ts': 40,
  'test/unit/merge-property.test.ts': 37,
  'test/integration/model-contradictions.test.ts': 37,
  'test/integration/review-cli.test.ts': 36,
  'test/integration/subject-graph-scan.test.ts': 33,
  'test/integration/demo-scan.test.ts': 30,
};

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const relative = (spec: TestSpecification): string => path.relative(root, spec.moduleId).split(path.sep).join('/');
    if (sorted.some((spec) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(spec)}`))) return sorted;
    const expected = (spec: TestSpecification): number => EXPECTED_SECONDS[relative(spec)] ?? 0;
    return [...sorted].sort((a, b) => expected(b) - expected(a));
  }
}
