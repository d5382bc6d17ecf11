/**
 * Preload (`node --import`) that records which files a process loads, for tests of what start-up
 * loads: every URL the ES module loader resolves (hooks.mjs, in the loader's thread) and, at exit,
 * every CommonJS file in require's cache. Both go to the file named by PIISCOUT_MODULE_TRACE, one
 * line each, prefixed `esm ` or `cjs `.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const traceFile = process.env.PIISCOUT_MODULE_TRACE;
if (traceFile) {
  register('./hooks.mjs', import.meta.url);
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () => {
    const lines = Object.keys(cache).map((file) => `cjs ${file}\n`);
    appendFileSync(traceFile, lines.join(''));
  });
}
