/**
 * `npm run build` (after tsc): bundles the review page's client, src/review/client/*.ts, into
 * dist/src/review/review-page.bundle.js, which the built server inlines into the page
 * (src/review/client-bundle.ts). Prints the bundle's size on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FILE_NAME, bundleReviewClient } from '../src/review/client-bundle.js';

// This file runs as dist/scripts/build-review-client.js.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = await bundleReviewClient(path.join(root, 'src', 'review', 'client', 'main.ts'));
const out = path.join(root, 'dist', 'src', 'review', BUNDLE_FILE_NAME);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, script);
// On stderr: `npm pack --json` builds through prepack, and its stdout must stay JSON.
process.stderr.write(`review page script: ${path.relative(root, out)}, ${(Buffer.byteLength(script) / 1024).toFixed(1)} kB\n`);
