/**
 * Runs the built CLI on a pseudo-terminal (util-linux `script`, part of every Debian install), for
 * what a person at a terminal sees: prompts, and answers typed on stdin. Output is the terminal's,
 * stdout and stderr together.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CliRun } from './fixtures.js';
import { builtCli } from './servers.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = '/usr/bin/script';

export function terminalAvailable(): boolean {
  return fs.existsSync(SCRIPT);
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function runCliInTerminal(args: readonly string[], typed: string): Promise<CliRun> {
  const bin = builtCli;
  const command = [process.execPath, bin, ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: stdout.replace(/\r\n/g, '\n'), stderr }));
    child.stdin.end(typed);
  });
}
