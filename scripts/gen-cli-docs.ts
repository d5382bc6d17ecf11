/** Rewrites docs/cli.md from the command table: `npm run docs:cli`. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_DOCS_FILE, renderCliDocs } from '../src/cli/cli-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.writeFileSync(path.join(root, CLI_DOCS_FILE), renderCliDocs());
console.log(`wrote ${CLI_DOCS_FILE}`);
