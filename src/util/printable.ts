/**
 * Text from the user or a database shown on a terminal: control characters (NUL, escape sequences,
 * newlines, bidirectional overrides) would break the one-line format or rewrite the screen, so they
 * are shown escaped (`\x00`, `\u202e`), and long input is cut.
 */

// C0 and C1 controls, DEL, line/paragraph separators and the bidirectional formatting characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function hasControl(text: string): boolean {
  return new RegExp(CONTROL.source).test(text);
}

/** `text` escaped and cut to about `max` characters, saying how long it was. */
export function printable(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)` : text;
  return escapeControl(cut);
}
