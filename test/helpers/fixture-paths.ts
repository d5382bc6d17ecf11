/**
 * Where the tests find third-party data: copies inside test/fixtures (see its README.md), so that a
 * fresh clone passes with nothing beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** Public sample databases and Fides' annotated datasets, one folder each. */
export const corporaDir = path.join(fixturesDir, 'corpora');
/** The team's ground-truth labels for those corpora. */
export const labelsDir = path.join(fixturesDir, 'labels');
/** Fides' default taxonomy: data_categories.yml. */
export const taxonomyDir = path.join(fixturesDir, 'fideslang-taxonomy');
export const presidioVectorsFile = path.join(fixturesDir, 'vectors', 'presidio_vectors.json');

let chinookSqlite: string | undefined;

/** The Chinook corpus as a SQLite file, built from corpora/chinook/Chinook_Sqlite.sql once per test process. */
export async function chinookSqliteFile(): Promise<string> {
  if (chinookSqlite) return chinookSqlite;
  const { default: Database } = await import('better-sqlite3');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-chinook-')), 'Chinook_Sqlite.sqlite');
  const db = new Database(file);
  try {
    db.exec(fs.readFileSync(path.join(corporaDir, 'chinook', 'Chinook_Sqlite.sql'), 'utf8'));
  } finally {
    db.close();
  }
  return (chinookSqlite = file);
}
