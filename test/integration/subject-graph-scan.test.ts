/**
 * The subject graph through the CLI on SQLite and PGlite (issue 15, class 1): a reference to a person
 * found from values alone is the person's id, the descriptive columns of rows that belong to a person
 * take the domain's category with evidence that names the path, the weights the policy applied are in
 * the file, and Fides loads it. Masked: with every table and column renamed to a meaningless name, the
 * person-linked tables are still found from keys and values.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { describeEngines } from '../helpers/engines.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { createFixture, runCli } from '../helpers/fixtures.js';
import { subjectFixture } from '../helpers/subject-fixture.js';

interface Evidence { factor: string; category: string; source: string; reason: string }
interface Field {
  name: string;
  data_categories: string[];
  piiscout: {
    confidence: number;
    factors: Record<string, number>;
    weights?: Record<string, number>;
    evidence: Evidence[];
  };
}
interface Collection { name: string; fields: Field[] }

async function scan(url: string, label: string): Promise<{ file: string; field: (table: string, column: string) => Field }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `piiscout-subject-${label}-`)), 'scan.yml');
  const run = await runCli(['scan', url, '-o', file, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const collections: Collection[] = YAML.parse(fs.readFileSync(file, 'utf8')).dataset[0].collections;
  return {
    file,
    field: (table, column) => {
      const found = collections.find((c) => c.name === table)?.fields.find((f) => f.name === column);
      expect(found, `${table}.${column}`).toBeTruthy();
      return found!;
    },
  };
}

const reasons = (f: Field) => f.piiscout.evidence.map((e) => e.reason).join('\n');

describeEngines(
  'subject graph through a scan',
  (engine) => {
    describe('named schema', () => {
      let result: Awaited<ReturnType<typeof scan>>;
      beforeAll(async () => {
        result = await scan(await createFixture(engine, 'subject_named', subjectFixture().tables), `${engine}-named`);
      }, 120_000);

      it('reads a column whose values are keys of a person table as that person id, saying so', () => {
        const ref = result.field('diagnoses', 'member_ref');
        expect(ref.data_categories).toEqual(['user.unique_id']);
        expect(reasons(ref)).toMatch(/references persons\.person_id, a table of people \(inferred from its values/);
      });

      it("gives a person's clinical rows the clinical category with evidence that names the path", () => {
        for (const column of ['icd_code', 'description']) {
          const f = result.field('diagnoses', column);
          expect(f.data_categories, column).toEqual(['user.health_and_medical']);
          expect(reasons(f)).toContain('rows of diagnoses belong to a person: diagnoses.member_ref → persons.person_id');
        }
      });

      it("gives a person's searches the behavioural category, through the declared key", () => {
        const f = result.field('searches', 'topic_id');
        expect(f.data_categories).toEqual(['user.behavior']);
        expect(reasons(f)).toContain('rows of searches belong to a person: searches.person_id → persons.person_id');
      });

      it('records the weights the policy applied, and Fides loads the file', () => {
        const f = result.field('diagnoses', 'member_ref');
        expect(Object.keys(f.piiscout.weights ?? {}).sort()).toEqual(Object.keys(f.piiscout.factors).sort());
        expect(fidesLoadProblems([result.file])).toEqual([]);
      });
    });

    it('finds the person-linked tables of a masked schema from keys and values only', async () => {
      const { tables, names } = subjectFixture({ masked: true });
      const masked = await scan(await createFixture(engine, 'subject_masked', tables), `${engine}-masked`);
      const at = (table: string, column: string) => masked.field(names.table(table), names.column(table, column));
      // By values (no declared key, no name): the diagnoses' member column.
      const byValues = at('diagnoses', 'member_ref');
      expect(byValues.data_categories).toEqual(['user.unique_id']);
      expect(reasons(byValues)).toContain(`references ${names.table('persons')}.${names.column('persons', 'person_id')}, a table of people (inferred from its values`);
      // By declared keys to a table that only its values show to hold people.
      for (const [table, column] of [['purchases', 'person_id'], ['searches', 'person_id']] as const) {
        expect(at(table, column).data_categories, `${table}.${column}`).toEqual(['user.unique_id']);
        expect(reasons(at(table, column))).toContain('a table of people');
      }
      // The diagnoses' free text is about the person the row belongs to, through the masked path.
      const text = at('diagnoses', 'description');
      expect(text.data_categories).toEqual(['user.content']);
      expect(reasons(text)).toContain(`belong to a person: ${names.table('diagnoses')}.${names.column('diagnoses', 'member_ref')} → ${names.table('persons')}.${names.column('persons', 'person_id')}`);
      expect(fidesLoadProblems([masked.file])).toEqual([]);
    }, 120_000);
  },
  ['sqlite', 'pglite'],
);
