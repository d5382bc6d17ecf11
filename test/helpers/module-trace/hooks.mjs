/** Loader hook of register.mjs: appends each resolved URL to PIISCOUT_MODULE_TRACE. */
import { appendFileSync } from 'node:fs';

const traceFile = process.env.PIISCOUT_MODULE_TRACE;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (traceFile) appendFileSync(traceFile, `esm ${resolved.url}\n`);
  return resolved;
}
