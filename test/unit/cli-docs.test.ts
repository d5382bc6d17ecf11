/**
 * docs/cli.md is generated from the command table; it must say what the program does today.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_DOCS_FILE, renderCliDocs } from '../../src/cli/cli-docs.js';
import { buildProgram } from '../../src/cli/program.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe(CLI_DOCS_FILE, () => {
  const rendered = renderCliDocs();

  it('is up to date with src/cli/program.ts', () => {
    const file = path.join(repoRoot, CLI_DOCS_FILE);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    expect(committed === rendered, `${CLI_DOCS_FILE} is out of date with the program: run \`npm run docs:cli\` and commit the result`).toBe(true);
  });

  it('has a section for every command and shows every visible option of it', () => {
    const program = buildProgram();
    for (const command of program.commands) {
      const section = rendered.split(`\n## piiscout ${command.name()}\n`)[1]?.split('\n## ')[0];
      expect(section, command.name()).toBeDefined();
      for (const option of command.createHelp().visibleOptions(command)) expect(section, `${command.name()} ${option.flags}`).toContain(option.flags);
    }
  });

  it('names the README by its path in the repository, not the path of one machine', () => {
    expect(rendered).toContain('Docs: README.md (the README of this version)');
    expect(rendered).not.toContain(repoRoot);
  });
});
