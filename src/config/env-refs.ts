/**
 * `${NAME}` references in a source's connection URL, resolved from the environment when that source
 * runs (not when the config loads: a missing secret for one source must not stop the others).
 * Inside a URL's user:password part the value is percent-encoded, so a password with `@` or `/`
 * cannot change where the URL points. The resolved URL holds secrets: never print it.
 */
import { ExitCode, UserError } from '../core/errors.js';

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The variable names a text refers to, in order, without repeats. */
export function envReferences(text: string): string[] {
  const names = [...text.matchAll(REFERENCE)].map((m) => m[1]).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

/**
 * Replaces every `${NAME}` in a connection URL; `$${` stays a literal `${`. Throws a one-line
 * UserError naming the variable and `source` when one is not set.
 */
export function resolveEnvReferences(url: string, source: string, env: NodeJS.ProcessEnv = process.env): string {
  const userInfoEnd = userInfoEndIndex(url);
  return url.replace(REFERENCE, (_match, name: string | undefined, offset: number) => {
    if (name === undefined) return '${';
    const value = env[name];
    if (value === undefined) {
      throw new UserError(`Source '${source}': environment variable ${name} is not set (referenced in its url)`, {
        hint: `export ${name}=... before running piiscout`,
        exitCode: ExitCode.usage,
      });
    }
    return offset < userInfoEnd ? encodeURIComponent(value) : value;
  });
}

/** Index of the `@` ending `scheme://user:password@`, or -1 (no user part: nothing to encode). */
function userInfoEndIndex(url: string): number {
  const start = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(url)?.[0].length;
  if (start === undefined) return -1;
  const hostEnd = url.slice(start).search(/[/?#]/);
  const authority = hostEnd === -1 ? url.slice(start) : url.slice(start, start + hostEnd);
  const at = authority.lastIndexOf('@');
  return at === -1 ? -1 : start + at;
}
