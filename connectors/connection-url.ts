/** Connection-string parts every engine's parser shares: redaction, server URLs, file locations. */
import path from 'node:path';
import { ExitCode, UserError } from '../src/core/errors.js';
import { decodeUrlPart } from '../src/util/percent-decode.js';
import type { ParseContext } from './engine.js';

/** Replaces the password in a URL-style connection string with `***`. Safe on any input. */
export function redactConnectionString(input: string): string {
  return input.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/, '$1:***@').replace(/([?&](?:password|pwd)=)[^&#]*/gi, '$1***');
}

/** A `scheme://user:password@host:port/database?options` string, its parts percent-decoded. */
export interface ServerUrl {
  readonly url: URL;
  readonly user?: string;
  readonly password?: string;
  /** `localhost` when the URL names none; IPv6 without brackets. */
  readonly host: string;
  readonly database?: string;
}

export function parseServerUrl(context: Pick<ParseContext, 'input' | 'examples'>): ServerUrl {
  let url: URL;
  try {
    url = new URL(context.input);
  } catch {
    throw new UserError(`Cannot parse connection string: ${redactConnectionString(context.input)}`, {
      hint: `Use one of ${context.examples}; percent-encode special characters in user names`,
      exitCode: ExitCode.usage,
    });
  }
  return {
    url,
    user: url.username ? decodeUrlPart(url.username, 'user name') : undefined,
    password: url.password ? decodeUrlPart(url.password, 'password') : undefined,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    database: url.pathname.length > 1 ? decodeUrlPart(url.pathname.slice(1), 'database name') : undefined,
  };
}

/** The location after `scheme:`, still encoded; a leading `//` is dropped (`sqlite:///abs`, `sqlite://./rel`). */
export function fileLocation(context: Pick<ParseContext, 'input' | 'scheme'>): string {
  const rest = context.input.slice(context.scheme.length + 1);
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

/** The location as an absolute path; an empty one is a usage error. */
export function resolveFileLocation(context: Pick<ParseContext, 'input' | 'scheme' | 'cwd'>, location: string): string {
  if (location === '') {
    throw new UserError(`Missing file path in ${context.input}`, { hint: `Write it as ${context.scheme}:./path`, exitCode: ExitCode.usage });
  }
  return path.resolve(context.cwd, decodeUrlPart(location, 'file path'));
}

/**
 * A connection string of a file-based scheme whose location is relative, made absolute against
 * `baseDir` (a config file's folder); any other string is returned as it is. Holds secrets: never print it.
 */
export function resolveRelativeLocation(connection: string, baseDir: string, fileSchemes: readonly string[]): string {
  const file = new RegExp(`^(${fileSchemes.join('|')}):(?:\\/\\/)?(.*)$`, 'i').exec(connection);
  if (!file || file[2] === '' || file[2].startsWith('memory')) return connection;
  const decoded = decodeUrlPart(file[2], 'file path');
  if (path.isAbsolute(decoded)) return connection;
  // Encoded again: the scan decodes it (a name with `%` must not be read as an escape twice).
  return `${file[1]}:${encodeURI(path.resolve(baseDir, decoded)).replaceAll('#', '%23').replaceAll('?', '%3F')}`;
}
