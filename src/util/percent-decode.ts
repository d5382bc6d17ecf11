/**
 * Percent-decoding of connection-string parts. `decodeURIComponent` throws a URIError on `%zz`,
 * which would reach the user as an internal error; a NUL (`%00`) can be no user, password,
 * database or file name. Both are usage errors that never show the text (it may be a password).
 */
import { ExitCode, UserError } from '../core/errors.js';

export function decodeUrlPart(text: string, part: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw new UserError(`Malformed percent-encoding in the ${part} of the connection string`, {
      hint: 'a % must be followed by two hexadecimal digits: write a literal % as %25',
      exitCode: ExitCode.usage,
    });
  }
  if (decoded.includes('\u0000')) {
    throw new UserError(`The ${part} in the connection string contains a NUL character (%00)`, {
      hint: 'NUL cannot be part of a name, a password or a file path: remove it',
      exitCode: ExitCode.usage,
    });
  }
  return decoded;
}
