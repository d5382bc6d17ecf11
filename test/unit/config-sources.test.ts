/** The `sources:` section: validation messages, ${ENV} references, paths, the starter file and the JSON Schema. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/config/load-config.js';
import { envReferences, resolveEnvReferences } from '../../src/config/env-refs.js';
import { configJsonSchema, CONFIG_JSON_SCHEMA_FILE } from '../../src/config/json-schema.js';
import { STARTER_CONFIG } from '../../src/config/starter-config.js';
import { sourceConnection, sourcePaths, sourceScanSettings } from '../../src/sources/source-settings.js';
import { parseConnectionString } from '../../connectors/index.js';
import { repoRoot } from '../helpers/servers.js';

const problem = (text: string): string => {
  try {
    parseConfig(text, 'piiscout.config.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a config error');
};

const one = (extra: string): string => `sources:\n  - name: shop\n    url: postgres://scanner@db/shop\n${extra}`;

describe('sources: validation', () => {
  it('accepts a full source and fills in defaults', () => {
    const { sources } = parseConfig(one("    schedule: '0 3 * * *'\n    timezone: Europe/Berlin\n    include: ['public.*']\n"), 'c.yml');
    expect(sources).toEqual([
      {
        name: 'shop',
        url: 'postgres://scanner@db/shop',
        include: ['public.*'],
        exclude: [],
        include_views: false,
        sample_size: 200,
        ml: true,
        schedule: '0 3 * * *',
        timezone: 'Europe/Berlin',
      },
    ]);
    expect(parseConfig('classification: {}\n', 'c.yml').sources).toEqual([]);
  });

  it('names the YAML path, with did-you-mean for typos', () => {
    expect(problem(one("    schedul: '0 3 * * *'\n"))).toBe("piiscout.config.yml: sources[0]: unknown key 'schedul' (did you mean 'schedule'?)");
    expect(problem('source: []\n')).toBe("piiscout.config.yml: unknown key 'source' (did you mean 'sources'?)");
    expect(problem('sources:\n  - name: shop\n')).toBe('piiscout.config.yml: sources[0].url: is required (string)');
    expect(problem(one('    sample_size: 1.5\n'))).toBe('piiscout.config.yml: sources[0].sample_size: must be a whole number');
    expect(problem(one('    include: public.*\n'))).toBe('piiscout.config.yml: sources[0].include: must be a list');
  });

  it('rejects bad cron expressions, time zones, env syntax, duplicate names and outputs', () => {
    expect(problem(one("    schedule: '61 * * * *'\n"))).toBe("piiscout.config.yml: sources[0].schedule: invalid cron expression '61 * * * *' (Invalid value for minute: 61)");
    expect(problem(one("    schedule: '0 3 * * *'\n    timezone: Mars/Olympus\n"))).toMatch(/sources\[0\]\.timezone: unknown time zone 'Mars\/Olympus'/);
    expect(problem('sources:\n  - name: a\n    url: postgres://u:${PG PASS}@h/db\n')).toMatch(/sources\[0\]\.url: environment references are written \$\{NAME\}/);
    expect(problem('sources:\n  - {name: a, url: "sqlite:a.db"}\n  - {name: a, url: "sqlite:b.db", output: b.yml}\n')).toBe(
      "piiscout.config.yml: sources[1].name: 'a' is already the name of sources[0]",
    );
    expect(problem('sources:\n  - {name: a, url: "sqlite:a.db", output: x.yml}\n  - {name: b, url: "sqlite:b.db", output: ./x.yml}\n')).toMatch(
      /sources\[1\]\.output: sources\[0\] writes x\.yml too/,
    );
  });
});

describe('${ENV} references', () => {
  it('resolves them when the source runs, percent-encoding inside user:password', () => {
    const env = { PGPASSWORD: 'p@ss/w:rd', DBHOST: 'db.internal' };
    expect(resolveEnvReferences('postgres://scanner:${PGPASSWORD}@${DBHOST}:5432/shop', 'shop', env)).toBe('postgres://scanner:p%40ss%2Fw%3Ard@db.internal:5432/shop');
    expect(resolveEnvReferences('sqlite:./${DBHOST}.db', 'x', env)).toBe('sqlite:./db.internal.db');
    expect(resolveEnvReferences('postgres://h/db?application_name=$${literal}', 'x', env)).toBe('postgres://h/db?application_name=${literal}');
    expect(envReferences('postgres://${A}:${B}@${A}/x')).toEqual(['A', 'B']);
  });

  it('fails with one line naming the variable and the source, never the other values', () => {
    const run = () => resolveEnvReferences('postgres://scanner:${PGPASSWORD}@${DBHOST}/shop', 'shop', { DBHOST: 'secret-host' });
    expect(run).toThrow(UserError);
    expect(run).toThrow("Source 'shop': environment variable PGPASSWORD is not set (referenced in its url)");
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-host');
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('source settings', () => {
  const configFile = path.join('/etc/piiscout', 'piiscout.config.yml');
  const [source] = parseConfig(one('    output: out/shop.yml\n    ml: false\n    concurrency: 2\n'), 'c.yml').sources;

  it('puts files beside the config file', () => {
    expect(sourcePaths(source, configFile)).toEqual({ output: '/etc/piiscout/out/shop.yml', history: '/etc/piiscout/out/shop.yml.history.jsonl' });
    const [plain] = parseConfig('sources:\n  - {name: crm, url: "sqlite:crm.db", history: /var/log/crm.jsonl}\n', 'c.yml').sources;
    expect(sourcePaths(plain, configFile)).toEqual({ output: '/etc/piiscout/piiscout-crm.yml', history: '/var/log/crm.jsonl' });
  });

  it('resolves relative sqlite paths against the config file, absolute ones unchanged', () => {
    const s = (url: string) => ({ ...source, url });
    expect(sourceConnection(s('sqlite:./data/app.db'), configFile, {})).toBe('sqlite:/etc/piiscout/data/app.db');
    expect(sourceConnection(s('sqlite:/srv/app.db'), configFile, {})).toBe('sqlite:/srv/app.db');
    expect(sourceConnection(s('pglite:memory'), configFile, {})).toBe('pglite:memory');
  });

  it('keeps percent-encoded names intact (decoded once, by the scan), and refuses malformed encoding', () => {
    const s = (url: string) => ({ ...source, url });
    const resolved = sourceConnection(s('sqlite:./my%20data/a%25b%23c.db'), configFile, {});
    expect(parseConnectionString(resolved)).toEqual({ engine: 'sqlite', file: '/etc/piiscout/my data/a%b#c.db' });
    expect(() => sourceConnection(s('sqlite:./a%zz.db'), configFile, {})).toThrow(/Malformed percent-encoding in the file path/);
  });

  it('maps to scan service settings (merge on, drift reported, --no-ml wins over the source)', () => {
    const options = sourceScanSettings(source, configFile, 'sqlite:/srv/app.db', { ml: true });
    expect(options).toMatchObject({
      connection: 'sqlite:/srv/app.db',
      output: '/etc/piiscout/out/shop.yml',
      merge: true,
      reportDrift: true,
      ml: false,
      concurrency: 2,
      sampleSize: 200,
      config: configFile,
    });
    expect(sourceScanSettings({ ...source, ml: true }, configFile, 'sqlite:/srv/app.db', { ml: false }).ml).toBe(false);
  });
});

describe('starter config and JSON Schema', () => {
  it('piiscout init writes a file that validates, also with its commented example switched on', () => {
    const config = parseConfig(STARTER_CONFIG, 'piiscout.config.yml');
    expect(config.sources.map((s) => s.name)).toEqual(['shop', 'crm', 'legacy']);
    expect(config.sources[0].url).toContain('${PGPASSWORD}');
    // Uncomment the example lists below their marker line (and drop the empty lists they replace).
    const marker = STARTER_CONFIG.indexOf('(uncomment both lists to use them):');
    expect(marker).toBeGreaterThan(0);
    const example =
      STARTER_CONFIG.slice(0, marker).replace(/^ {2}(categories|recognizers): \[\]\n/gm, '') +
      STARTER_CONFIG.slice(marker).replace(/^ {2}# /gm, '  ');
    expect(example).not.toBe(STARTER_CONFIG);
    const withExample = parseConfig(example, 'piiscout.config.yml');
    expect(withExample.classification.recognizers.map((r) => r.id)).toEqual(['employee-badge']);
    expect(withExample.classification.categories.map((c) => c.key)).toEqual(['user.employee_badge']);
  });

  it(`${CONFIG_JSON_SCHEMA_FILE} matches the zod schema (regenerate: npx tsx scripts/gen-config-schema.ts)`, () => {
    const committed = fs.readFileSync(path.join(repoRoot, CONFIG_JSON_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(configJsonSchema());
    const schema = JSON.parse(committed);
    expect(schema.properties.sources.items.required).toEqual(['name', 'url']);
    expect(schema.properties.sources.items.additionalProperties).toBe(false);
  });
});
