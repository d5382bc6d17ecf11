/**
 * The content hash piiscout uses for a file's version (the review page's conflict check, reads line by
 * line) and for a config's fingerprint in a checkpoint: sha256, cut to 16 hex digits.
 */
import { createHash, type Hash } from 'node:crypto';

export function hashText(text: string): string {
  return digestOf(createHash('sha256').update(text));
}

/** The same digest of a sha256 hash fed piece by piece (a file read line by line). */
export function digestOf(hash: Hash): string {
  return hash.digest('hex').slice(0, 16);
}
