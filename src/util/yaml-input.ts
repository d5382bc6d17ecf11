/**
 * YAML from the user as plain data. Aliases can expand exponentially (a "billion laughs" file of a
 * few hundred bytes); the yaml library stops at `maxAliasCount` with a ReferenceError, which must
 * reach the user as one line, not as an internal error.
 */
import { UserError } from '../core/errors.js';
import type { Document } from 'yaml';

/** Alias expansions allowed (the yaml library's measure: uses × size of what they point at). */
export const MAX_ALIAS_COUNT = 100;

export function documentToJs(doc: Document, file: string, hint: string, exitCode?: number): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const why =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? 'its aliases (*name) expand too much; refused as a resource-exhaustion attack'
        : `cannot be read (${(error as Error).message.split('\n')[0]})`;
    throw new UserError(`${file}: ${why}`, { hint, exitCode });
  }
}
