/**
 * commander's Command with piiscout's error and help conventions. commander reports its own parse
 * errors (`error: unknown option '--sample'`) in its own words and exits; here every such error
 * becomes a UserError (exit 2), printed by bin.ts like any other: `piiscout: error: ...`, a hint
 * and a did-you-mean for options, commands and choices. Help leaves out defaults that say nothing
 * (`(default: [])`, `(default: false)`).
 */
import { Command, Help, type Option } from 'commander';
import { ExitCode, UserError } from '../core/errors.js';
import { closest, didYouMean } from '../util/did-you-mean.js';
import { printable } from '../util/printable.js';

class PiiscoutHelp extends Help {
  override optionDescription(option: Option): string {
    const value: unknown = option.defaultValue;
    const saysNothing = value === false || (Array.isArray(value) && value.length === 0);
    if (!saysNothing) return super.optionDescription(option);
    const withoutDefault = Object.create(option) as Option;
    withoutDefault.defaultValue = undefined;
    return super.optionDescription(withoutDefault);
  }
}

export class PiiscoutCommand extends Command {
  override createCommand(name?: string): PiiscoutCommand {
    return new PiiscoutCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new PiiscoutHelp(), this.configureHelp());
  }

  /** commander calls this for every parse error; it never returns. */
  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    throw commandLineError(this, message, errorOptions?.code);
  }
}

/** `piiscout scan` */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Long options of the command and the ones it inherits, as `--name`. */
function longOptions(command: Command): string[] {
  const flags: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) {
    for (const option of c.createHelp().visibleOptions(c)) if (option.long) flags.push(option.long);
  }
  return flags;
}

/** `--sample` → `--sample-size` (an abbreviation), else the nearest spellings. */
export function suggestOption(given: string, known: readonly string[]): string[] {
  const name = given.replace(/=[\s\S]*$/, '');
  if (!name.startsWith('--') || name.length < 4) return [];
  const lower = name.toLowerCase();
  const extending = known.filter((k) => k.startsWith(lower));
  if (extending.length > 0 && extending.length <= 3) return extending;
  return closest(name, known);
}

const quoted = (text: string): string => `'${printable(text, 60)}'`;

function commandLineError(command: Command, raw: string, code: string | undefined): UserError {
  const message = raw.replace(/^error: /, '').replace(/\n\(Did you mean [^)]*\)\s*$/, '');
  const path = commandPath(command);
  let text = printable(message, 200);
  let hint = `run '${path} --help' for usage`;
  if (code === 'commander.unknownOption') {
    const flag = /^unknown option '([\s\S]*)'$/.exec(message)?.[1] ?? '';
    // `--password=secret`: show the option, never what follows `=`.
    const shown = flag.replace(/=[\s\S]*$/, '=…');
    const guess = didYouMean(suggestOption(flag, longOptions(command)));
    text = `unknown option ${quoted(shown)}${guess ? ` (${guess})` : ''}`;
    hint = `run '${path} --help' for its options`;
  } else if (code === 'commander.unknownCommand') {
    const name = /^unknown command '([\s\S]*)'$/.exec(message)?.[1] ?? '';
    const guess = didYouMean(closest(name, command.commands.map((c) => c.name())));
    text = `unknown command ${quoted(name)}${guess ? ` (${guess})` : ''}`;
    hint = `run '${path} --help' for the commands`;
  } else if (code === 'commander.invalidArgument') {
    const choice = /^(option '[^']*'|command-argument value) argument '([\s\S]*)' is invalid\. Allowed choices are ([\s\S]*)\.$/.exec(message);
    if (choice) {
      const allowed = choice[3].split(', ');
      const guess = didYouMean(closest(choice[2], allowed));
      text = `${choice[1]}: ${quoted(choice[2])} is not one of ${allowed.join(', ')}${guess ? ` (${guess})` : ''}`;
    }
  } else if (code === 'commander.excessArguments') {
    text = text.replace(/\.$/, '');
    hint = `run '${path} --help' for usage; quote glob patterns ('crm.*') so the shell leaves them alone`;
  }
  return new UserError(text, { hint, exitCode: ExitCode.usage });
}
