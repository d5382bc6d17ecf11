/** The package version and home page, read from package.json (found upwards from this file, in src/ or dist/src/). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        if (JSON.parse(fs.readFileSync(candidate, 'utf8')).name === 'piiscout') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('piiscout package.json not found');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; homepage: string };
export const VERSION: string = manifest.version;
/** The project page, where the README and the issue tracker are. */
export const HOMEPAGE: string = manifest.homepage;
/** The README shipped in the package (package.json `files`), for `--help`. */
export const README_FILE = path.join(PACKAGE_ROOT, 'README.md');
