/**
 * Cycles between top-level folders (src/<folder>, connectors/): the layers of the pipeline must not
 * depend on each other in a circle. dependency-cruiser finds the imports (.dependency-cruiser.cjs); this
 * folds them into a folder graph, where its own `circular` rule (per module or per leaf folder) cannot look.
 *
 * KNOWN_EDGES lists folder imports that close a cycle today, each with the change that removes it. The
 * list only shrinks: a new cycle fails, and so does an entry that no longer closes one (delete it then).
 *
 *   npx tsx scripts/check-folder-cycles.ts [--json]
 */
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const KNOWN_EDGES: Readonly<Record<string, string>> = {
  'src/fides -> src/scan': 'the writer takes the scan result type; the result type moves to src/core with the scan service (issue 17 item 1)',
  'src/classify -> src/config': 'classify workers build custom recognizers from the parsed config the scan service sends them (config types and custom-recognizers.ts)',
  'src/classify -> src/model': 'the parallel classifier composes rules and model; composition moves to the scan service (issue 17 item 1)',
  'src/config -> src/classify': 'custom recognizers are built from classify parts (the right direction once classify stops loading config)',
  'src/model -> src/classify': 'the model combines with rule evidence (the right direction)',
  'src/config -> src/fides': 'config validates categories against the taxonomy (the right direction)',
  'src/fides -> src/classify': 'the writer takes proposal types (the right direction)',
  'src/scan -> src/classify': 'the scan classifies (the right direction)',
};

function folderOf(path: string): string | undefined {
  const match = /^(src|connectors)\/([^/]+)\//.exec(path);
  if (!match) return undefined;
  return match[1] === 'connectors' ? 'connectors' : `src/${match[2]}`;
}

/** Folder → folder → one example import. */
function folderEdges(result: ICruiseResult): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const module of result.modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string>();
      if (!targets.has(to)) targets.set(to, `${module.source} -> ${dependency.resolved}`);
      edges.set(from, targets);
    }
  }
  return edges;
}

function reachable(edges: Map<string, Map<string, string>>, start: string): Set<string> {
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const next of edges.get(todo.pop()!)?.keys() ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

/** Edges a -> b where b reaches a again: each closes a cycle. */
export function cycleEdges(edges: Map<string, Map<string, string>>): Map<string, string> {
  const closing = new Map<string, string>();
  for (const [from, targets] of edges) {
    for (const [to, example] of targets) {
      if (reachable(edges, to).has(from)) closing.set(`${from} -> ${to}`, example);
    }
  }
  return closing;
}

async function main(): Promise<void> {
  const reporting = await cruise(['src', 'connectors'], {
    exclude: { path: '^(node_modules|dist|test)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  }, { extensions: ['.ts', '.js'] });
  const result = reporting.output as ICruiseResult;
  const closing = cycleEdges(folderEdges(result));
  const fresh = [...closing].filter(([edge]) => !(edge in KNOWN_EDGES));
  const stale = Object.keys(KNOWN_EDGES).filter((edge) => !closing.has(edge));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ cycleEdges: Object.fromEntries(closing), new: fresh.map(([e]) => e), stale }, null, 2));
  }
  for (const [edge, example] of fresh) console.error(`folder cycle: ${edge} (for example ${example})`);
  for (const edge of stale) console.error(`no longer a cycle, remove it from KNOWN_EDGES: ${edge}`);
  if (fresh.length > 0 || stale.length > 0) process.exit(1);
  console.log(`folder cycles: none new (${closing.size} known edges, each listed with the change that removes it)`);
}

await main();
