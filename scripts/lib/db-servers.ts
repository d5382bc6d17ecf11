/**
 * Throw-away PostgreSQL and MariaDB servers for tests and evaluation scripts: each in its own temp
 * dir on a free loopback port (>= 20000), with a random admin password. `stopAll` stops them and
 * removes the dirs; an exit hook does the same if the process ends first. Used by the vitest global
 * setup (test/setup/global-setup.ts) and scripts/evaluate-corpora.ts. Missing Debian packages are
 * installed with apt-get when running as root (as CI does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresTestServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Directory with the server's psql, so clients match the server version. */
  readonly binDir: string;
}

export interface MysqlTestServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Path of the `mariadb` command-line client. */
  readonly clientPath: string;
}

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;
const MYSQL_ADMIN_USER = 'piiscout_admin';
const isRoot = process.getuid?.() === 0;

/** A started server: how to stop it politely, and which pid/dir to clean up if the process dies first. */
interface RunningServer {
  readonly label: string;
  readonly dir: string;
  pid?: number;
  readonly killSignal: NodeJS.Signals;
  stop(): Promise<void>;
}

const running: RunningServer[] = [];

// Last resort if the process exits without stopAll (crash, process.exit): no server may outlive it.
process.on('exit', () => {
  for (const server of running) {
    if (server.pid !== undefined) {
      try {
        process.kill(server.pid, server.killSignal);
      } catch {
        // already gone
      }
    }
    rmSync(server.dir, { recursive: true, force: true });
  }
});

/** Stops every server this process started and removes their dirs. */
export async function stopAll(): Promise<void> {
  const servers = running.splice(0);
  await Promise.all(
    servers.map(async (server) => {
      try {
        await server.stop();
      } finally {
        rmSync(server.dir, { recursive: true, force: true });
      }
    }),
  );
}

// ---------- finding and installing the server packages ----------

function findPostgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => ['initdb', 'pg_ctl', 'psql'].every((bin) => existsSync(path.join(root, v, 'bin', bin))))
    .sort((a, b) => Number(b) - Number(a));
  const chosen = versions.includes('15') ? '15' : versions[0];
  return chosen === undefined ? undefined : path.join(root, chosen, 'bin');
}

interface MariadbBinaries {
  readonly server: string;
  readonly installDb: string;
  readonly client: string;
  readonly admin: string;
}

function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/sbin'];
  return dirs
    .filter((dir) => dir.startsWith('/'))
    .map((dir) => path.join(dir, name))
    .find((candidate) => existsSync(candidate));
}

function findMariadb(): MariadbBinaries | undefined {
  const server = findExecutable('mariadbd');
  const installDb = findExecutable('mariadb-install-db');
  const client = findExecutable('mariadb');
  const admin = findExecutable('mariadb-admin');
  return server && installDb && client && admin ? { server, installDb, client, admin } : undefined;
}

/** Headless Chromium that the review-page browser tests drive with playwright-core. */
export function findChromium(): string | undefined {
  return findExecutable('chromium');
}

export async function installMissingPackages(wantPostgres: boolean, wantMysql: boolean, wantChromium = false): Promise<void> {
  const missing: { pkg: string; what: string }[] = [];
  if (wantChromium && !findChromium()) {
    missing.push({ pkg: 'chromium', what: 'Chromium (for the review page browser tests)' });
  }
  if (wantPostgres && !findPostgresBinDir()) {
    missing.push({ pkg: 'postgresql', what: 'PostgreSQL server binaries (/usr/lib/postgresql/*/bin)' });
  }
  if (wantMysql && !findMariadb()) {
    missing.push({ pkg: 'mariadb-server', what: 'MariaDB server binaries (mariadbd, mariadb-install-db, mariadb)' });
  }
  if (missing.length === 0) return;
  const packages = missing.map((m) => m.pkg);
  if (!isRoot) {
    throw new Error(
      `${missing.map((m) => m.what).join(' and ')} not found: install the Debian package(s) ` +
        `${packages.join(' ')} (apt-get install ${packages.join(' ')}), run the tests as root to have them ` +
        `installed, or set PIISCOUT_TEST_ENGINES (databases) or PIISCOUT_TEST_BROWSER=0 (Chromium) to leave them out`,
    );
  }
  const started = Date.now();
  log(`installing Debian package(s) ${packages.join(' ')} with apt-get…`);
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'piiscout-apt-'));
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const log = path.join(logDir, 'apt.log');
    await run('apt-get', ['update'], { env, logFile: log });
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, logFile: log });
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
  if ((wantPostgres && !findPostgresBinDir()) || (wantMysql && !findMariadb()) || (wantChromium && !findChromium())) {
    throw new Error(`apt-get installed ${packages.join(' ')} but the binaries are still not found`);
  }
  log(`installed ${packages.join(' ')} in ${seconds(started)}`);
}

// ---------- PostgreSQL ----------

export async function startPostgres(): Promise<PostgresTestServer> {
  const started = Date.now();
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL server binaries not found');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'piiscout-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const password = randomBytes(18).toString('hex');
  // PostgreSQL refuses to run as root: when root, the server runs as the `postgres` OS user.
  const osUser = isRoot ? 'postgres' : undefined;
  const server: RunningServer = {
    label: 'PostgreSQL',
    dir,
    killSignal: 'SIGQUIT', // immediate shutdown; backends exit with the postmaster
    stop: async () => {
      if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
      try {
        await run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], { osUser, cwd: dir });
      } catch (error) {
        if (server.pid !== undefined) await killAndWait(server.pid, 'SIGQUIT');
        else throw error;
      }
    },
  };
  running.push(server);
  if (osUser) chownTo(dir, osUser);

  const pwFile = path.join(dir, 'pwfile');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (osUser) chownTo(pwFile, osUser);
  try {
    await run(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'],
      { osUser, cwd: dir, logFile: path.join(dir, 'initdb.log') },
    );
  } finally {
    rmSync(pwFile, { force: true });
  }

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const serverOptions = [
      `-p ${port}`,
      `-k ${dir}`, // unix socket inside the temp dir, never /var/run/postgresql
      `-c listen_addresses=${HOST}`,
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      await run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', String(READY_TIMEOUT_MS / 1000), '-o', serverOptions, 'start'], {
        osUser,
        cwd: dir,
      });
      break;
    } catch (error) {
      const log = tail(logFile);
      if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
      throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log}`);
    }
  }
  server.pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  log(`PostgreSQL ${path.basename(path.dirname(binDir))} on ${HOST}:${port} ready in ${seconds(started)}`);
  return { host: HOST, port, user: 'postgres', password, binDir };
}

// ---------- MariaDB ----------

export async function startMysql(): Promise<MysqlTestServer> {
  const started = Date.now();
  const bins = findMariadb();
  if (!bins) throw new Error('MariaDB server binaries not found');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'piiscout-my-'));
  const dataDir = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  const errorLog = path.join(dir, 'error.log');
  // The server's own temporary files (information_schema over thousands of tables makes many) live in
  // its directory, not in the shared /tmp where another job's clean-up could delete them mid-query.
  const serverTmp = path.join(dir, 'tmp');
  mkdirSync(serverTmp);
  const password = randomBytes(18).toString('hex');
  // mariadbd drops root privileges to the `mysql` OS user, which must own the dir.
  const userArgs = isRoot ? ['--user=mysql'] : [];
  let child: ChildProcess | undefined;
  let exited = false;
  const server: RunningServer = {
    label: 'MariaDB',
    dir,
    killSignal: 'SIGKILL',
    stop: async () => {
      if (server.pid !== undefined && !exited) await killAndWait(server.pid, 'SIGTERM');
    },
  };
  running.push(server);
  if (isRoot) {
    chownTo(dir, 'mysql');
    chownTo(serverTmp, 'mysql');
  }

  // `normal`: root@localhost logs in over the socket without a password, whichever OS user runs this.
  await run(bins.installDb, ['--no-defaults', `--datadir=${dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...userArgs], {
    cwd: dir,
    logFile: path.join(dir, 'install-db.log'),
  });

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    exited = false;
    child = spawn(
      bins.server,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--bind-address=${HOST}`,
        `--port=${port}`,
        `--socket=${socket}`,
        `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
        `--log-error=${errorLog}`,
        `--tmpdir=${serverTmp}`,
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        '--innodb-flush-log-at-trx-commit=0',
        '--local-infile=1',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_general_ci',
        '--max-connections=200',
        ...userArgs,
      ],
      { cwd: dir, stdio: 'ignore', detached: true },
    );
    child.on('exit', () => {
      exited = true;
    });
    child.unref();
    server.pid = child.pid;
    const ready = await waitFor(async () => {
      if (exited) return 'exited';
      const ping = await run(bins.admin, ['--no-defaults', `--socket=${socket}`, '-uroot', 'ping'], { cwd: dir }).then(
        () => true,
        () => false,
      );
      return ping ? 'ready' : undefined;
    });
    if (ready === 'ready') break;
    const log = tail(errorLog);
    if (ready === 'exited' && attempt < 3 && /address already in use|can't start server: bind/i.test(log)) continue;
    throw new Error(`MariaDB did not start (${ready === 'exited' ? 'mariadbd exited' : 'timed out'}):\n${log}`);
  }

  // The password goes in over stdin, never on a command line.
  const setupSql = [
    `CREATE USER '${MYSQL_ADMIN_USER}'@'${HOST}' IDENTIFIED BY '${password}';`,
    `GRANT ALL PRIVILEGES ON *.* TO '${MYSQL_ADMIN_USER}'@'${HOST}' WITH GRANT OPTION;`,
  ].join('\n');
  await run(bins.client, ['--no-defaults', `--socket=${socket}`, '-uroot'], { cwd: dir, input: setupSql });
  log(`MariaDB on ${HOST}:${port} ready in ${seconds(started)}`);
  return { host: HOST, port, user: MYSQL_ADMIN_USER, password, clientPath: bins.client };
}

// ---------- small process utilities ----------

interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run as this OS user (through runuser) instead of the current one. */
  readonly osUser?: string;
  /** Written to the command's stdin. */
  readonly input?: string;
  /** Where to send the command's output instead of memory; its tail goes into the error. */
  readonly logFile?: string;
}

/** Runs a command without a shell; rejects with the command name, exit code and the tail of its output. */
function run(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  const [file, argv] = options.osUser
    ? [findExecutable('runuser') ?? 'runuser', ['-u', options.osUser, '--', command, ...args]]
    : [command, args];
  const logFd = options.logFile ? openSync(options.logFile, 'a') : undefined;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', logFd ?? 'pipe', logFd ?? 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    if (options.input !== undefined) child.stdin?.end(options.input);
    child.on('error', (error) => finish(error));
    child.on('close', (code, signal) => {
      if (code === 0) finish();
      else finish(new Error(`${path.basename(command)} failed (${signal ?? `exit ${code}`}):\n${options.logFile ? tail(options.logFile) : output.trim()}`));
    });
    function finish(error?: Error): void {
      if (logFd !== undefined) closeSync(logFd);
      if (error) reject(error);
      else resolve();
    }
  });
}

function chownTo(target: string, osUser: string): void {
  // Node has no getpwnam, so read the ids from /etc/passwd.
  const entry = readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith(`${osUser}:`));
  if (!entry) throw new Error(`OS user ${osUser} does not exist (the Debian server package creates it)`);
  const [, , uid, gid] = entry.split(':');
  chownSync(target, Number(uid), Number(gid));
}

/** Polls `check` every 100 ms until it returns a value, or returns 'timeout' after READY_TIMEOUT_MS. */
async function waitFor<T>(check: () => Promise<T | undefined>): Promise<T | 'timeout'> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const result = await check();
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'timeout';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killAndWait(pid: number, signal: NodeJS.Signals): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** A port the kernel just handed out on loopback, at or above 20000. */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', reject);
      probe.listen(0, HOST, () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port >= 20000) return port;
  }
  throw new Error('could not find a free loopback port at or above 20000');
}

function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Progress lines go to stderr: stdout belongs to whatever the calling script prints. */
function log(line: string): void {
  process.stderr.write(`[db servers] ${line}\n`);
}
