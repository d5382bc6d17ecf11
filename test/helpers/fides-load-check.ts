/**
 * Loads dataset files the way Fides does, with the copy of Fides' own loader in
 * test/fixtures/fideslang (PyYAML, a YAML 1.1 parser, then fideslang's pydantic models), and checks
 * that PyYAML reads every value exactly as the `yaml` library (YAML 1.2) does: a name that turns into
 * a boolean, number, date or null under YAML 1.1 is a problem even where fideslang would accept it.
 * Needs python3 with pydantic 2 and PyYAML.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './servers.js';

const FIXTURE_DIR = path.join(repoRoot, 'test', 'fixtures', 'fideslang');
/** Big inputs (many files, long texts) go through stdin; allow for large outputs. */
const MAX_BUFFER = 512 * 1024 * 1024;

function runPython(script: string, args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('python3', [path.join(FIXTURE_DIR, script), ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export type PyYamlResult = { readonly value: unknown } | { readonly error: string };

/**
 * What PyYAML's safe_load reads from each text, with types kept: strings, lists, mappings, booleans,
 * null and finite numbers as JSON; anything else (a date, inf, ...) as `{$type, repr}`.
 */
export function pyyamlLoad(texts: readonly string[]): PyYamlResult[] {
  const run = runPython('pyyaml-load.py', [], JSON.stringify(texts));
  if (run.status !== 0) throw new Error(`pyyaml-load.py failed (${run.status}): ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as PyYamlResult[];
}

export interface FidesLoadOptions {
  /** Custom data categories the files may use (a config's `classification.categories`). */
  readonly taxonomyExtra?: readonly string[];
}

/**
 * One line per problem in any of the files (none: Fides loads them all unchanged): what Fides'
 * loader reports, and every value PyYAML reads differently from the `yaml` library.
 */
export function fidesLoadProblems(files: readonly string[], options: FidesLoadOptions = {}): string[] {
  if (files.length === 0) throw new Error('fidesLoadProblems: no files given');
  const extra = (options.taxonomyExtra ?? []).flatMap((key) => ['--taxonomy-extra', key]);
  const check = runPython('fides-load-check.py', [...files, ...extra, '--quiet']);
  if (check.status !== 0 && check.status !== 1) throw new Error(`fides-load-check.py failed (${check.status}): ${check.stderr.trim()}`);
  const problems = check.stdout.split('\n').filter((line) => line.trim() !== '');
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  pyyamlLoad(texts).forEach((read, i) => {
    if ('error' in read) return; // the load check has reported it
    const difference = firstDifference(YAML.parse(texts[i]), read.value, '');
    if (difference) problems.push(`${files[i]}: PyYAML reads ${difference}`);
  });
  return problems;
}

/** Where two plain values differ, as `path: A, the yaml library: B`; undefined when equal. */
export function firstDifference(expected: unknown, actual: unknown, at: string): string | undefined {
  const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${at || '.'} as a list of ${actual.length}, the yaml library of ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isMap(expected) && isMap(actual)) {
    const keys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (keys.length !== actualKeys.length || keys.some((k) => !Object.hasOwn(actual, k))) {
      return `${at || '.'} with keys ${show(actualKeys)}, the yaml library with ${show(keys)}`;
    }
    for (const key of keys) {
      const d = firstDifference(expected[key], actual[key], `${at}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(expected, actual) || (expected === 0 && actual === 0) ? undefined : `${at || '.'}: ${show(actual)}, the yaml library: ${show(expected)}`;
}
