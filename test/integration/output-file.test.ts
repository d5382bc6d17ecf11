/**
 * Rewriting an output file keeps what the old one had: a 0600 file stays 0600, an output path
 * that is a symlink stays a symlink (its target is rewritten), and the temp file of a killed run is
 * cleared by the next one. Through the CLI, for a scan and a review.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixture, runCli } from '../helpers/fixtures.js';

describe('output files keep their mode and symlinks', () => {
  it('scan --no-merge and review write through a symlink into a 0600 file, and clear a stale temp file', async () => {
    const db = await createFixture('sqlite', 'output_file', [{ name: 'people', columns: [{ name: 'id', type: 'int', pk: true }, { name: 'email', type: 'text' }], rows: [[1, 'a@example.com']] }]);
    const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-secrets-'));
    const target = path.join(secrets, 'scan.yml');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o600);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-work-'));
    const link = path.join(work, 'scan.yml');
    fs.symlinkSync(target, link);
    // What a scan killed while writing leaves: its temp file, named after a process that is gone.
    const stale = path.join(secrets, '.scan.yml.999999999.1700000000000.tmp');
    fs.writeFileSync(stale, 'partial');

    const scan = await runCli(['scan', db, '-o', link, '--no-merge', '--no-ml']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain('dataset:');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(stale)).toBe(false);

    const review = await runCli(['review', link, '--accept', 'people.email']);
    expect(review.code, review.stderr).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain('status: accepted');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(secrets)).toEqual(['scan.yml']);
  });
});
