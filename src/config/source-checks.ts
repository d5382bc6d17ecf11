/**
 * Checks on the `sources:` section that the schema cannot express: unique names and output files,
 * cron expressions and time zones that croner accepts. Returns "path: message" lines.
 */
import path from 'node:path';
import { Cron } from 'croner';
import type { SourceConfig } from './schema.js';

/** The output file a source writes when it names none. */
export function defaultSourceOutput(name: string): string {
  return `piiscout-${name}.yml`;
}

/** croner's parser, paused: validates and computes run times without starting a timer. */
export function parseCron(expression: string, timezone?: string): Cron {
  return new Cron(expression, { paused: true, ...(timezone ? { timezone } : {}) });
}

export function sourceProblems(sources: readonly SourceConfig[]): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  const outputs = new Map<string, number>();
  sources.forEach((s, i) => {
    const at = `sources[${i}]`;
    const sameName = names.get(s.name);
    if (sameName !== undefined) problems.push(`${at}.name: '${s.name}' is already the name of sources[${sameName}]`);
    else names.set(s.name, i);
    const output = path.normalize(s.output ?? defaultSourceOutput(s.name));
    const sameOutput = outputs.get(output);
    if (sameOutput !== undefined) problems.push(`${at}.output: sources[${sameOutput}] writes ${output} too; give each source its own file`);
    else outputs.set(output, i);
    if (s.timezone !== undefined && !validTimezone(s.timezone)) problems.push(`${at}.timezone: unknown time zone '${s.timezone}' (use an IANA name such as Europe/Berlin or UTC)`);
    if (s.timezone !== undefined && s.schedule === undefined) problems.push(`${at}.timezone: only used with schedule`);
    if (s.schedule !== undefined) {
      try {
        parseCron(s.schedule, s.timezone !== undefined && validTimezone(s.timezone) ? s.timezone : undefined);
      } catch (error) {
        problems.push(`${at}.schedule: invalid cron expression '${s.schedule}' (${(error as Error).message.replace(/^CronPattern: /, '')})`);
      }
    }
  });
  return problems;
}

function validTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
