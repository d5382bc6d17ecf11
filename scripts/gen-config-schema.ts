/** Rewrites docs/piiscout.config.schema.json from the zod schema: `npx tsx scripts/gen-config-schema.ts`. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_JSON_SCHEMA_FILE, configJsonSchema } from '../src/config/json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.writeFileSync(path.join(root, CONFIG_JSON_SCHEMA_FILE), configJsonSchema());
console.log(`wrote ${CONFIG_JSON_SCHEMA_FILE}`);
