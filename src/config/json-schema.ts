/**
 * JSON Schema of `piiscout.config.yml` for editors (YAML language server and the like), generated
 * from the zod schema. Committed as docs/piiscout.config.schema.json; a test keeps it in sync, and
 * `npx tsx scripts/gen-config-schema.ts` rewrites it.
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

export const CONFIG_JSON_SCHEMA_FILE = 'docs/piiscout.config.schema.json';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'piiscout.config.yml', description: 'piiscout configuration: sources to scan and classification settings (see docs/configuration.md and docs/scheduling.md)' }, null, 2) + '\n';
}
