import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRecognizers } from '../../../src/classify/recognizers/registry.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '../../../src/classify/recognizers');

describe('built-in recognizers', () => {
  it('have unique ids', () => {
    const ids = builtinRecognizers.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every recognizer file has a table-driven test', () => {
    const files = readdirSync(sourceDir).filter((f) => f.endsWith('.ts') && f !== 'recognizer.ts');
    const tests = new Set(readdirSync(here));
    for (const file of files) expect(tests.has(file.replace(/\.ts$/, '.test.ts')), file).toBe(true);
  });
});
