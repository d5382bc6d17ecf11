/**
 * The PostgreSQL and MariaDB sections of `npm run bench`: builds the benchmark databases
 * (scripts/lib/bench-databases.ts) on throw-away servers, then for each size measures, each in its
 * own process: the scan (scripts/bench-scan.ts), the schema-only pass, the sample-only pass (the scan
 * with a do-nothing classifier: the difference is what classification adds) and the database floor (the
 * scan's own sampling statements run one after another by psql -f / mariadb <). Also the cost of
 * sampling a 10-million-row table against a 10-thousand-row one. Beside them, issue 18's figures:
 * its floor (`SELECT * FROM t LIMIT 200` for every table, one after another over one connection), the
 * built CLI's fresh scan (`--no-merge`) and its re-scan merging into the file just written.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import { startMysql, startPostgres, stopAll } from './db-servers.js';
import { rowsForTable, tableName, tableStatements, type BenchEngine } from './bench-databases.js';

export interface EngineBenchOptions {
  readonly engines: readonly BenchEngine[];
  readonly sizes: readonly number[];
  readonly concurrency: number;
  readonly ml: boolean;
  readonly samplingCost: boolean;
  /** Rows of the big table in the sampling-cost comparison. */
  readonly bigRows: number;
  /** Receives one line per size with issue 18's figures, printed side by side at the end of the bench. */
  readonly sideBySide?: (line: string) => void;
}

/** Issue 18's figures for one size: its floor and the built CLI's fresh scan and re-scan, wall times. */
interface CliFigures {
  readonly issueFloorMs: number;
  readonly freshMs: number;
  readonly rescanMs: number;
}

export interface Server {
  readonly engine: BenchEngine;
  readonly url: (db: string) => string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs statements on `db` over `parallel` connections (each list in order on one connection). */
  exec(db: string | undefined, batches: readonly (readonly string[])[], parallel: number): Promise<void>;
  floor(db: string, sqlFile: string): Promise<number>;
  /** Runs a SQL script file on `db` over one connection of the command-line client, stopping at the first error; its wall time. */
  script(db: string, sqlFile: string): Promise<number>;
  close(): Promise<void>;
}

interface ScanRun {
  tables: number;
  columns: number;
  queries: number;
  skipped: number;
  introspectMs: number;
  sampleMs: number;
  classifyMs: number;
  samplingBusyMs: number;
  classifyBusyMs: number;
  totalMs: number;
  writeMs: number;
  wallMs: number;
  /** The same scan merged into the file just written (the re-scan), and its peak RSS. */
  mergeMs: number;
  rescanWallMs: number;
  rescanPeakRssMb: number;
  peakRssMb: number;
  yamlBytes: number;
  cpuMs: number;
}

const distDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** The built CLI as the package ships it (package.json `bin`, the bundle in dist/bundle/). */
export const CLI = path.join(distDir, '..', 'bundle', 'piiscout.js');

export async function benchEngines(options: EngineBenchOptions): Promise<void> {
  try {
    for (const engine of options.engines) {
      const server = engine === 'postgres' ? await postgresServer() : await mysqlServer();
      const rows: string[] = [];
      const cliRows: string[] = [];
      for (const size of options.sizes) {
        const { row, cli } = await benchSize(server, size, options);
        rows.push(row);
        const line = cliRow(size, cli);
        cliRows.push(line);
        const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
        options.sideBySide?.(
          `${engine}, ${size.toLocaleString('en')} tables: floor ${sec(cli.issueFloorMs)}, fresh scan ${sec(cli.freshMs)} (${(cli.freshMs / cli.issueFloorMs).toFixed(2)}x floor), ` +
            `re-scan merging ${sec(cli.rescanMs)} (${(cli.rescanMs / cli.freshMs).toFixed(2)}x fresh)`,
        );
      }
      console.log(`\n${engine === 'postgres' ? 'PostgreSQL 15' : 'MariaDB 10.11'} (concurrency ${options.concurrency}, ${options.ml ? 'rules + column model' : 'rules only'}, 200 rows sampled per table):\n`);
      console.log('| tables | columns | build | scan wall | tables/s | columns/s | sampling queries/table | peak RSS | introspection | sampling | classification added | writing | schema-only | DB floor | scan / floor | re-scan (merge) | re-scan / scan |');
      console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const r of rows) console.log(r);
      console.log(`\nIssue 18 figures (${engine}; the built CLI, process start to exit; floor: one \`SELECT * FROM t LIMIT 200\` per table, one after another over one ${engine === 'postgres' ? 'psql' : 'mariadb'} connection):\n`);
      console.log(`| tables | floor | fresh scan (--no-merge) | fresh / floor | re-scan merging into it | re-scan / fresh |`);
      console.log('|---:|---:|---:|---:|---:|---:|');
      for (const r of cliRows) console.log(r);
      if (options.samplingCost) console.log(await samplingCost(server, options.bigRows));
      await server.close();
    }
  } finally {
    await stopAll();
  }
}

function cliRow(size: number, cli: CliFigures): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  return (
    `| ${size.toLocaleString('en')} | ${s(cli.issueFloorMs)} | ${s(cli.freshMs)} | ${(cli.freshMs / cli.issueFloorMs).toFixed(2)}x | ` +
    `${s(cli.rescanMs)} | ${(cli.rescanMs / cli.freshMs).toFixed(2)}x |`
  );
}

/**
 * Issue 18's floor (every table's `SELECT * ... LIMIT 200` through the command-line client over one
 * connection), then `piiscout scan --no-merge` and the same scan merging into the file it wrote.
 */
async function cliFigures(server: Server, db: string, size: number, options: EngineBenchOptions): Promise<CliFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-issue-floor-'));
  try {
    const sqlFile = path.join(dir, 'floor.sql');
    fs.writeFileSync(sqlFile, Array.from({ length: size }, (_, i) => `SELECT * FROM ${tableName(i)} LIMIT 200;\n`).join(''));
    const issueFloorMs = await server.floor(db, sqlFile);
    const output = path.join(dir, 'scan.yml');
    const scanArgs = ['scan', server.url(db), '-o', output, '-q', '--concurrency', String(options.concurrency), ...(options.ml ? [] : ['--no-ml'])];
    const freshMs = await timeClient(process.execPath, [CLI, ...scanArgs, '--no-merge'], server.env);
    const rescanMs = await timeClient(process.execPath, [CLI, ...scanArgs], server.env);
    return { issueFloorMs, freshMs, rescanMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSize(server: Server, size: number, options: EngineBenchOptions): Promise<{ row: string; cli: CliFigures }> {
  const db = `bench_${size}`;
  const buildStart = performance.now();
  await server.exec(undefined, [[`CREATE DATABASE ${db}`]], 1);
  // Two connections (two cores); interleaved so big tables are spread over both.
  const batches: string[][] = [[], []];
  for (let i = 0; i < size; i++) batches[i % 2].push(...tableStatements(server.engine, i));
  await server.exec(db, batches, 2);
  await server.exec(db, [[server.engine === 'postgres' ? 'ANALYZE' : 'SELECT 1']], 1);
  const buildS = (performance.now() - buildStart) / 1000;
  const totalRows = Array.from({ length: size }, (_, i) => rowsForTable(i)).reduce((a, b) => a + b, 0);
  log(`${server.engine} ${size} tables (${totalRows.toLocaleString('en')} rows) built in ${buildS.toFixed(1)} s`);

  const common = { url: server.url(db), concurrency: options.concurrency, sampleSize: 200, ml: options.ml };
  const scan = await child<ScanRun>({ ...common, mode: 'scan' }, server.env);
  const schemaOnly = await child<ScanRun>({ ...common, mode: 'schema-only' }, server.env);
  const sampleOnly = await child<ScanRun>({ ...common, mode: 'sample-only' }, server.env);
  const sqlFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-floor-')), 'floor.sql');
  await child({ ...common, mode: 'floor-sql', sqlFile }, server.env);
  const floorMs = await server.floor(db, sqlFile);
  fs.rmSync(path.dirname(sqlFile), { recursive: true, force: true });
  const cli = await cliFigures(server, db, size, options);

  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const share = (ms: number): string => `${Math.round((100 * ms) / scan.wallMs)}%`;
  log(`${server.engine} ${size}: scan ${s(scan.wallMs)}, schema-only ${s(schemaOnly.wallMs)}, floor ${s(floorMs)}, peak RSS ${scan.peakRssMb} MB, re-scan ${s(scan.rescanWallMs)} (merge ${s(scan.mergeMs)}, peak RSS ${scan.rescanPeakRssMb} MB)`);
  log(JSON.stringify({ engine: server.engine, size, scan, schemaOnly, sampleOnly, floorMs, cli }));
  // What classification costs: the wall time it adds over the same scan without it, and the CPU it burns.
  const classifyAddedMs = Math.max(0, scan.wallMs - sampleOnly.wallMs);
  const classifyCpuMs = Math.max(0, scan.cpuMs - sampleOnly.cpuMs);
  await server.exec(undefined, [[`DROP DATABASE ${db}`]], 1);
  const row =
    `| ${size.toLocaleString('en')} | ${scan.columns.toLocaleString('en')} | ${buildS.toFixed(0)} s | ${s(scan.wallMs)} | ${Math.round(scan.tables / (scan.wallMs / 1000))} | ` +
    `${Math.round(scan.columns / (scan.wallMs / 1000))} | ${(scan.queries / scan.tables).toFixed(2)} | ${scan.peakRssMb} MB | ` +
    `${share(scan.introspectMs)} | ${share(scan.samplingBusyMs)} | ${share(classifyAddedMs)} (${s(classifyCpuMs)} CPU) | ${share(scan.writeMs)} | ` +
    `${s(schemaOnly.wallMs)} (${schemaOnly.peakRssMb} MB) | ${s(floorMs)} | ${(scan.wallMs / floorMs).toFixed(2)}x | ` +
    `${s(scan.rescanWallMs)} (merge ${s(scan.mergeMs)}, ${scan.rescanPeakRssMb} MB) | ${(scan.rescanWallMs / scan.wallMs).toFixed(2)}x |`;
  return { row, cli };
}

/** Samples a 10k-row and a big table (same template) 5 times each; prints the median times. */
async function samplingCost(server: Server, bigRows: number): Promise<string> {
  const db = 'bench_sampling';
  await server.exec(undefined, [[`CREATE DATABASE ${db}`]], 1);
  await server.exec(db, [tableStatements(server.engine, 0, 10_000, 'rows_10k'), tableStatements(server.engine, 4, bigRows, 'rows_big')], 2);
  await server.exec(db, [[server.engine === 'postgres' ? 'ANALYZE' : 'ANALYZE TABLE rows_10k, rows_big']], 1);
  const config = parseConnectionString(server.url(db), { env: server.env });
  const connector = await createConnector(config);
  await connector.connect({ statementTimeoutSeconds: 300, concurrency: 1 });
  const meta = await connector.introspect({ includeViews: false, schemaFilter: (s) => server.engine !== 'mysql' || s === db });
  const out: string[] = [];
  for (const name of ['rows_10k', 'rows_big']) {
    const table = meta.tables.find((t) => t.name === name)!;
    const times: number[] = [];
    let method = '';
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const sample = await connector.sample(table, { rows: 200, columns: table.columns, maxValueLength: 512, seed: 42 + i });
      times.push(performance.now() - t0);
      method = `${sample.method}, ${sample.rowsRead} rows`;
    }
    times.sort((a, b) => a - b);
    out.push(`${name === 'rows_10k' ? '10,000' : bigRows.toLocaleString('en')} rows: median ${times[2].toFixed(1)} ms (${method})`);
  }
  await connector.close();
  await server.exec(undefined, [[`DROP DATABASE ${db}`]], 1);
  return `\nSampling cost (${server.engine}, 200 rows, median of 5): ${out.join('; ')}`;
}

function child<T>(spec: Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(distDir, 'bench-scan.js'), JSON.stringify(spec)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as T);
      else reject(new Error(`bench-scan ${String(spec.mode)} failed (exit ${code}): ${stderr}`));
    });
  });
}

/** Wall time of a client reading `sqlFile`, output discarded. */
export function timeClient(command: string, args: string[], env: NodeJS.ProcessEnv, stdinFile?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const input = stdinFile ? fs.openSync(stdinFile, 'r') : 'ignore';
    const proc = spawn(command, args, { env: { ...process.env, ...env }, stdio: [input, 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (typeof input === 'number') fs.closeSync(input);
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`${path.basename(command)} failed (exit ${code}): ${stderr}`));
    });
  });
}

export async function postgresServer(): Promise<Server> {
  const s = await startPostgres();
  const pools = new Map<string, pg.Pool>();
  const pool = (db: string): pg.Pool => {
    let p = pools.get(db);
    if (!p) {
      p = new pg.Pool({ host: s.host, port: s.port, user: s.user, password: s.password, database: db, max: 2 });
      p.on('error', () => undefined); // an idle connection closed by the server is not a failure here
      pools.set(db, p);
    }
    return p;
  };
  const env = { PGPASSWORD: s.password };
  return {
    engine: 'postgres',
    env,
    url: (db) => `postgres://${s.user}@${s.host}:${s.port}/${db}`,
    exec: async (db, batches, parallel) => {
      // Server-level statements (CREATE/DROP DATABASE): close the other databases' connections first.
      if (db === undefined) {
        for (const [name, other] of pools) {
          if (name === 'postgres') continue;
          pools.delete(name);
          await other.end();
        }
      }
      const p = pool(db ?? 'postgres');
      await Promise.all(batches.slice(0, parallel).map(async (batch) => {
        for (const sql of batch) await p.query(sql);
      }));
    },
    floor: (db, sqlFile) =>
      timeClient(path.join(s.binDir, 'psql'), ['-h', s.host, '-p', String(s.port), '-U', s.user, '-d', db, '-X', '-q', '-A', '-t', '-o', '/dev/null', '-f', sqlFile], env),
    script: (db, sqlFile) =>
      timeClient(path.join(s.binDir, 'psql'), ['-h', s.host, '-p', String(s.port), '-U', s.user, '-d', db, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null', '-f', sqlFile], env),
    close: async () => {
      for (const p of pools.values()) await p.end();
      pools.clear();
    },
  };
}

export async function mysqlServer(): Promise<Server> {
  const s = await startMysql();
  const admin = mysql.createPool({ host: s.host, port: s.port, user: s.user, password: s.password, connectionLimit: 2 });
  // One shared tablespace: creating 10,000 .ibd files would dominate the build.
  await admin.query('SET GLOBAL innodb_file_per_table = OFF');
  const env = { MYSQL_PWD: s.password };
  const client = (db: string, sqlFile: string): Promise<number> =>
    timeClient(s.clientPath, ['--no-defaults', '-h', s.host, '-P', String(s.port), '-u', s.user, db], env, sqlFile);
  return {
    engine: 'mysql',
    env,
    url: (db) => `mysql://${s.user}@${s.host}:${s.port}/${db}`,
    exec: async (db, batches, parallel) => {
      await Promise.all(batches.slice(0, parallel).map(async (batch) => {
        const conn = await admin.getConnection();
        try {
          if (db) await conn.query(`USE ${db}`);
          for (const sql of batch) await conn.query(sql);
        } finally {
          conn.release();
        }
      }));
    },
    floor: (db, sqlFile) => client(db, sqlFile),
    // The mariadb client stops at the first error when reading a script from stdin.
    script: (db, sqlFile) => client(db, sqlFile),
    close: () => admin.end(),
  };
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
