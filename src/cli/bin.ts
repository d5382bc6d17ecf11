#!/usr/bin/env node
/**
 * Entry point. Expected failures (UserError) print one line and a hint, never a stack;
 * anything else is a bug: print the stack and ask for a report.
 */
import { CommanderError } from 'commander';
import { ExitCode, UserError } from '../core/errors.js';

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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return ExitCode.usage; // commander already printed the message
  }
  if (error instanceof UserError) {
    process.stderr.write(`piiscout: error: ${error.message}\n`);
    if (error.hint) process.stderr.write(`  hint: ${error.hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `piiscout: internal error (this is a bug in piiscout)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
      'Please report it at https://github.com/piiscout/piiscout/issues with the command you ran (redact secrets).\n',
  );
  return ExitCode.internal;
}

await main();
