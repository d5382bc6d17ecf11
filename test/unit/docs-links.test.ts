/**
 * The README, CONTRIBUTING.md and docs/ are read by people who have only the repository: every
 * relative link must point to a file in it (never beside it, like a sibling folder), and a link with a
 * #heading to a heading that file has, as GitHub names its anchors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'connectors/README.md',
  ...fs
    .readdirSync(path.join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The lines outside fenced code blocks, with inline code spans blanked. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) lines.push(line);
  }
  return lines;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every `[text](target)` and `![alt](target)` outside code. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    const prose = line.replace(/`[^`]*`/g, '``');
    for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1]);
  }
  return targets;
}

/** What is wrong with one link of `document`, or undefined. */
function brokenLink(document: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [file, anchor] = target.split('#', 2) as [string, string | undefined];
  if (file.startsWith('/')) return 'an absolute path, which only exists on one machine';
  const resolved = file === '' ? path.join(repoRoot, document) : path.resolve(repoRoot, path.dirname(document), decodeURIComponent(file));
  if (resolved !== repoRoot && !resolved.startsWith(repoRoot + path.sep)) return 'outside the repository';
  if (!fs.existsSync(resolved)) return 'no such file';
  if (anchor === undefined || anchor === '') return undefined;
  if (fs.statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return 'an anchor into something that is not a Markdown file';
  return headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor) ? undefined : `no heading #${anchor} there`;
}

describe('documentation links', () => {
  it('the documents exist (README.md, CONTRIBUTING.md, connectors/README.md, docs/*.md)', () => {
    for (const document of DOCUMENTS) expect(fs.existsSync(path.join(repoRoot, document)), document).toBe(true);
    expect(DOCUMENTS.length).toBeGreaterThan(10);
  });

  it.each(DOCUMENTS)('every relative link in %s points to a file and heading of the repository', (document) => {
    const markdown = fs.readFileSync(path.join(repoRoot, document), 'utf8');
    const broken = linkTargets(markdown)
      .map((target) => ({ target, problem: brokenLink(document, target) }))
      .filter((l) => l.problem !== undefined)
      .map((l) => `${l.target}: ${l.problem}`);
    expect(broken).toEqual([]);
  });

  it('reads anchors and links as GitHub does', () => {
    const anchors = headingAnchors('# A\n## CI gate: `piiscout check`\n```\n# not a heading\n```\n## Re-scanning: merging into a reviewed file\n## A\n');
    expect([...anchors]).toEqual(['a', 'ci-gate-piiscout-check', 're-scanning-merging-into-a-reviewed-file', 'a-1']);
    expect(linkTargets('see [x](docs/a.md#b), ![i](p.png) and `[not](a link)`\n```\n[no](link)\n```')).toEqual(['docs/a.md#b', 'p.png']);
    expect(brokenLink('README.md', '../elsewhere/labels/README.md')).toBe('outside the repository');
    expect(brokenLink('README.md', '/work/main/README.md')).toMatch(/absolute path/);
    expect(brokenLink('docs/review.md', '#reviewing')).toBeUndefined();
    expect(brokenLink('docs/review.md', '#no-such-heading')).toBe('no heading #no-such-heading there');
  });
});
