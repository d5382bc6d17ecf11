#!/usr/bin/env node
/**
 * Entry point. Expected failures (UserError) print one line and a hint, never a stack;
 * anything else is a bug: print the stack and ask for a report.
 */
import { CommanderError } from 'commander';
import { ExitCode, UserError } from '../core/errors.js';
import { escapeControl } from '../util/printable.js';

// Some drivers print deprecation/runtime warnings that are noise for CLI users.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (process.env.PIISCOUT_DEBUG) console.error(w);
});

// `piiscout ... | head` closes stdout early; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function main(): Promise<void> {
  const { buildProgram } = await import('./program.js');
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = handleError(error);
  }
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help or the version was printed (help without a command counts as bad usage). Parse errors are
    // UserErrors already (see piiscout-command.ts).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof UserError) {
    // Messages may quote user input or names from the database: never let them move the cursor.
    process.stderr.write(`piiscout: error: ${escapeControl(error.message)}\n`);
    if (error.hint) process.stderr.write(`  hint: ${escapeControl(error.hint)}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `piiscout: internal error (this is a bug in piiscout)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
      'Please report it at https://github.com/piiscout/piiscout/issues with the command you ran (redact secrets).\n',
  );
  return ExitCode.internal;
}

await main();
// The command is done. A driver may still hold a socket (pg after a failed SCRAM login without a
// password never closes it), which would keep the process alive after its error was printed: end
// once what was written has been flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
