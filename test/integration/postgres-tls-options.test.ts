/**
 * TLS options of a postgres:// URL through the CLI (issue 13.9): a typo or an option piiscout does
 * not read is a usage error before any connection (exit 2, one line and a hint), and a mode that
 * asks for TLS never falls back to plaintext (the test server has no TLS, so it must fail).
 */
import { describe, expect, it } from 'vitest';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { postgresAdminUrl } from '../helpers/servers.js';

describe.skipIf(!isEngineSelected('postgres'))('postgres TLS options on the command line', () => {
  const url = (query: string): string => `${postgresAdminUrl()}${query}`;

  it.each([
    ['?sslmode=requre', "piiscout: error: Unknown sslmode 'requre'; did you mean 'require'?"],
    ['?ssl=true', "piiscout: error: Unknown option 'ssl' in the PostgreSQL connection string; did you mean 'sslmode=verify-full'?"],
    ['?sslmod=verify-full', "piiscout: error: Unknown option 'sslmod' in the PostgreSQL connection string; did you mean 'sslmode'?"],
  ])('%s: exit 2 with one line and a hint, nothing connected', async (query, line) => {
    const run = await runCli(['scan', url(query), '--dry-run']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([line, expect.stringMatching(/^ {2}hint: /)]);
    expect(run.stdout).toBe('');
  });

  it.each(['?sslmode=require', '?sslmode=prefer', '?sslmode=verify-full', '?sslmode=no-verify'])(
    '%s against a server without TLS fails (exit 1) instead of connecting in plaintext',
    async (query) => {
      const run = await runCli(['scan', url(query), '--dry-run']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/piiscout: error: TLS negotiation with PostgreSQL at 127\.0\.0\.1:\d+ failed/);
      expect(run.stdout).toBe('');
    },
  );

  it.each(['', '?sslmode=disable', '?sslmode=allow'])('%s connects in plaintext, as asked', async (query) => {
    const run = await runCli(['scan', url(query), '--dry-run']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
  });
});
