/**
 * The review page's script: src/review/client/*.ts bundled by esbuild into one classic script that
 * page.ts inlines. `npm run build` writes it next to this module's built file
 * (dist/src/review/review-page.bundle.js, shipped in the package). Run from the sources (tests,
 * tsx), there is no such file, and the script is bundled from src/review/client/ on first use with
 * esbuild, a development dependency: tests always see the current client.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUNDLE_FILE_NAME = 'review-page.bundle.js';

let script: Promise<string> | undefined;

export function reviewPageScript(): Promise<string> {
  script ??= loadScript();
  return script;
}

async function loadScript(): Promise<string> {
  const built = new URL(`./${BUNDLE_FILE_NAME}`, import.meta.url);
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const entry = new URL('./client/main.ts', import.meta.url);
  if (!fs.existsSync(entry)) throw new Error(`the review page's script is missing: ${fileURLToPath(built)} (npm run build makes it)`);
  return bundleReviewClient(fileURLToPath(entry));
}

/** Bundles the client from its entry module (src/review/client/main.ts). */
export async function bundleReviewClient(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  // It goes inside <script>…</script>: esbuild escapes "</script" in strings; make sure.
  if (/<\/script/i.test(text)) throw new Error('the review page script contains "</script"');
  return text;
}
