/**
 * docs/cli.md, rendered from the command table: every command's `--help` as the CLI prints it, so
 * the reference cannot drift from the program. `npm run docs:cli` rewrites the file; a unit test
 * fails when the committed file differs from what this renders.
 */
import type { Command } from 'commander';
import { README_FILE } from '../version.js';
import { buildProgram } from './program.js';

export const CLI_DOCS_FILE = 'docs/cli.md';

/** Wide enough that no option description wraps differently on another terminal. */
const HELP_WIDTH = 120;

/** The help text `piiscout <command> --help` prints, at a fixed width, with the README named by its repository path. */
function helpText(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), getOutHelpWidth: () => HELP_WIDTH, getOutHasColors: () => false });
  command.outputHelp();
  // The installed README's absolute path differs per machine; the repository's is README.md.
  return text.split(README_FILE).join('README.md').trimEnd();
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap((sub) => allCommands(sub))];
}

export function renderCliDocs(): string {
  const program = buildProgram();
  const commands = allCommands(program);
  const lines = [
    '# Command-line reference',
    '',
    '<!-- Generated from src/cli/program.ts by `npm run docs:cli`; do not edit by hand. -->',
    '',
    'Every command\'s `--help`, as `piiscout` prints it. The guides explain the commands in context: see the',
    '[README](../README.md) and the other files in [docs/](README.md).',
    '',
    ...commands.slice(1).map((c) => `- [\`${commandPath(c)}\`](#${commandPath(c).replace(/ /g, '-')})`),
    '',
  ];
  for (const command of commands) {
    lines.push(`## ${commandPath(command)}`, '', '```text', helpText(command), '```', '');
  }
  return lines.join('\n');
}
