/**
 * The review page's JSON API (`piiscout review FILE --serve`) against hostile and oversized input,
 * over real HTTP on the real server: every action checks its input as `set` does (categories in the
 * taxonomy, including custom ones from the config, fields that exist, the right types), so a bad
 * request gets 400 and leaves the file byte for byte as it was; bodies over the documented limit
 * get 413 with one line of JSON (declared with Content-Length or streamed chunked), never a reset
 * connection or a stack trace in the log.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import type { FidesDatasetFile, FidesField } from '../../src/fides/dataset-types.js';
import { ReviewFile } from '../../src/review/review-file.js';
import { MAX_BODY_BYTES, serveReview, type ReviewServer } from '../../src/review/server.js';
import { loadReviewTaxonomy } from '../../src/review/taxonomy-config.js';

const proposed = (name: string, categories: string[], confidence: number): FidesField => ({
  name,
  data_categories: categories,
  fides_meta: { data_type: 'string' },
  piiscout: { status: 'proposed', confidence, factors: {} },
});

function fixture(): FidesDatasetFile {
  return {
    dataset: [
      {
        fides_key: 'shop_public',
        name: 'public',
        fides_meta: { namespace: { database_name: 'shop', schema: 'public' } },
        collections: [
          {
            name: 'customers',
            fields: [
              proposed('email', ['user.contact.email'], 0.96),
              proposed('notes', ['system.operations'], 0.4),
              // A person wrote this one with a category only their config knows.
              { name: 'loyalty', data_categories: ['user.loyalty_tier'], piiscout: { status: 'edited', confidence: 0.5 } },
              { name: 'blank', fides_meta: { data_type: 'string' } },
            ],
          },
        ],
      },
    ],
  };
}

const EMAIL = { dataset: 'shop_public', collection: 'customers', field: 'email' };
const NOTES = { dataset: 'shop_public', collection: 'customers', field: 'notes' };
const LOYALTY = { dataset: 'shop_public', collection: 'customers', field: 'loyalty' };
const BLANK = { dataset: 'shop_public', collection: 'customers', field: 'blank' };

interface RawResponse {
  status: number;
  body: string;
  /** The client saw the connection reset or closed before a response. */
  error?: string;
}

/** One request with node:http, so the test controls Content-Length, chunking and the raw body. */
function rawPost(
  server: ReviewServer,
  body: string | Buffer | ((req: http.ClientRequest) => void),
  headers: Record<string, string | number> = {},
): Promise<RawResponse> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: RawResponse) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/action',
        method: 'POST',
        headers: { 'x-piiscout-token': url.searchParams.get('token')!, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
        res.on('error', (e) => done({ status: res.statusCode ?? 0, body: text, error: e.message }));
      },
    );
    // A server that stops reading may make our writes fail after it answered: the answer is what counts.
    req.on('error', (e) => setTimeout(() => done({ status: 0, body: '', error: e.message }), 200));
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}

async function api(server: ReviewServer, pathname: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const url = new URL(server.url);
  const res = await fetch(new URL(pathname, url.origin), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-piiscout-token': url.searchParams.get('token')!, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('review API: hostile input', () => {
  let dir: string;
  let file: string;
  let server: ReviewServer;
  let stderr: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-api-'));
    file = path.join(dir, 'shop.yml');
    const config = path.join(dir, 'piiscout.config.yml');
    fs.writeFileSync(config, 'classification:\n  categories:\n    - key: user.loyalty_tier\n      name: Loyalty tier\n      parent: user\n');
    fs.writeFileSync(file, datasetFileToYaml(fixture()));
    // This server knows user.loyalty_tier from the config; `serveReview(file)` alone does not.
    server = await serveReview(file, { taxonomy: loadReviewTaxonomy(config) });
  });

  beforeEach(() => {
    fs.writeFileSync(file, datasetFileToYaml(fixture()));
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const version = () => ReviewFile.load(file).version;

  /** Posts the action and checks: 400, a one-line message, nothing written, nothing logged. */
  async function expectRefused(action: Record<string, unknown>, message: RegExp): Promise<void> {
    const before = fs.readFileSync(file, 'utf8');
    const res = await api(server, '/api/action', { expectedVersion: version(), ...action });
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(400);
    expect(String(res.json.error)).toMatch(message);
    expect(String(res.json.error)).not.toContain('\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(stderr.join('')).toBe('');
  }

  it('restore: refuses categories outside the taxonomy (the reported attack) and key-like junk', async () => {
    await expectRefused(
      { action: 'restore', restores: [{ address: EMAIL, previous: { categories: ['not.a.real.category', 'x\ny: z'], status: 'accepted' } }] },
      /Unknown data category 'not\.a\.real\.category'/,
    );
    await expectRefused({ action: 'restore', restores: [{ address: NOTES, previous: { categories: ['x\ny: z'], status: 'proposed' } }] }, /Unknown data category/);
    await expectRefused({ action: 'restore', restores: [{ address: NOTES, previous: { categories: [' user.name'], status: 'edited' } }] }, /category/i);
    await expectRefused({ action: 'restore', restores: [{ address: NOTES, previous: { categories: [''], status: 'edited' } }] }, /category/i);
    // Valid keys, but a change no action could make: decided with no category.
    await expectRefused({ action: 'restore', restores: [{ address: EMAIL, previous: { categories: [], status: 'accepted' } }] }, /no categories/i);
    await expectRefused({ action: 'restore', restores: [{ address: EMAIL, previous: { categories: ['user.name', 'user.name'], status: 'edited' } }] }, /twice/);
  });

  it('restore: refuses a bad status, a reviewed_at that is no timestamp, unknown fields and wrong types', async () => {
    await expectRefused({ action: 'restore', restores: [{ address: EMAIL, previous: { categories: ['user.contact.email'], status: 'approved' } }] }, /Malformed/);
    await expectRefused(
      { action: 'restore', restores: [{ address: EMAIL, previous: { categories: ['user.contact.email'], status: 'accepted', reviewedAt: 'x\ny: z' } }] },
      /reviewed_at/,
    );
    await expectRefused(
      { action: 'restore', restores: [{ address: { ...EMAIL, field: 'nope' }, previous: { categories: ['user.contact.email'], status: 'accepted' } }] },
      /no field shop_public\.customers\.nope/,
    );
    await expectRefused({ action: 'restore', restores: [{ address: EMAIL, previous: { categories: 'user.name', status: 'edited' } }] }, /Malformed/);
    await expectRefused({ action: 'restore', restores: [{ address: EMAIL, previous: { categories: [1], status: 'edited' } }] }, /Malformed/);
    await expectRefused(
      { action: 'restore', restores: [{ address: EMAIL, previous: { categories: ['user.name'], status: 'edited', piiscout: { status: 'accepted' } } }] },
      /Malformed/,
    );
    await expectRefused({ action: 'restore', restores: [] }, /Malformed/);
    await expectRefused(
      {
        action: 'restore',
        restores: [
          { address: NOTES, previous: { categories: ['system.operations'], status: 'ignored' } },
          { address: NOTES, previous: { categories: ['system.operations'], status: 'accepted' } },
        ],
      },
      /twice/,
    );
  });

  it('set: refuses unknown categories and fields, and wrong types; takes custom categories from the config', async () => {
    await expectRefused({ action: 'set', addresses: [EMAIL], categories: ['not.a.real.category'] }, /Unknown data category/);
    await expectRefused({ action: 'set', addresses: [EMAIL], categories: ['x\ny: z'] }, /Unknown data category/);
    await expectRefused({ action: 'set', addresses: [EMAIL], categories: [] }, /Malformed/);
    await expectRefused({ action: 'set', addresses: [EMAIL], categories: 'user.name' }, /Malformed/);
    await expectRefused({ action: 'set', addresses: [{ ...EMAIL, field: 'nope' }], categories: ['user.name'] }, /no field/);
    await expectRefused({ action: 'set', addresses: [{ ...EMAIL, extra: 1 }], categories: ['user.name'] }, /Malformed/);
    await expectRefused({ action: 'set', addresses: [EMAIL, NOTES, EMAIL], categories: ['user.name'] }, /twice/);
    const ok = await api(server, '/api/action', { action: 'set', addresses: [NOTES], categories: ['user.loyalty_tier'], expectedVersion: version() });
    expect(ok.status).toBe(200);
    expect(ReviewFile.load(file).fields().find((f) => f.address.field === 'notes')).toMatchObject({ status: 'edited', categories: ['user.loyalty_tier'] });
  });

  it('accept and ignore: refuse unknown fields, fields without categories, duplicates and wrong types', async () => {
    await expectRefused({ action: 'accept', addresses: [{ ...EMAIL, field: 'nope' }] }, /no field/);
    await expectRefused({ action: 'accept', addresses: [BLANK] }, /has no categories to accept/);
    await expectRefused({ action: 'accept', addresses: [EMAIL, EMAIL] }, /twice/);
    await expectRefused({ action: 'accept', addresses: [{ dataset: 'shop_public', collection: 'customers' }] }, /Malformed/);
    await expectRefused({ action: 'accept', addresses: [EMAIL], categories: ['user.name'] }, /Malformed/);
    await expectRefused({ action: 'ignore', addresses: [{ ...EMAIL, dataset: 'other' }] }, /no field/);
    await expectRefused({ action: 'ignore', addresses: 'all' }, /Malformed/);
    await expectRefused({ action: 'delete', addresses: [EMAIL] }, /Malformed/);
    await expectRefused({ action: 'accept', addresses: [EMAIL], expectedVersion: 7 }, /Malformed/);
  });

  it('undo still puts back what was there, even a category the server does not know, and only that', async () => {
    // LOYALTY holds user.loyalty_tier; a server without the config does not know it.
    const plain = await serveReview(file);
    try {
      const set = await api(plain, '/api/action', { action: 'set', addresses: [LOYALTY], categories: ['user.name'], expectedVersion: version() });
      expect(set.status).toBe(200);
      const undo = set.json.undo as { address: unknown; previous: { categories: string[] } }[];
      expect(undo[0].previous.categories).toEqual(['user.loyalty_tier']);
      const restored = await api(plain, '/api/action', { action: 'restore', restores: undo, expectedVersion: set.json.version });
      expect(restored.status, JSON.stringify(restored.json)).toBe(200);
      expect(ReviewFile.load(file).fields().find((f) => f.address.field === 'loyalty')).toMatchObject({ status: 'edited', categories: ['user.loyalty_tier'] });

      // The same state was never reported for EMAIL, so it cannot be "restored" there.
      const before = fs.readFileSync(file, 'utf8');
      const forged = await api(plain, '/api/action', {
        action: 'restore',
        restores: [{ address: EMAIL, previous: { categories: ['user.loyalty_tier'], status: 'edited' } }],
        expectedVersion: version(),
      });
      expect(forged.status).toBe(400);
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    } finally {
      await plain.close();
    }

    // Put back to review after a reload (no undo record): the field's own categories are fine.
    const accepted = await api(server, '/api/action', { action: 'accept', addresses: [EMAIL], expectedVersion: version() });
    expect(accepted.status).toBe(200);
    const fresh = await serveReview(file);
    try {
      const back = await api(fresh, '/api/action', {
        action: 'restore',
        restores: [{ address: EMAIL, previous: { categories: ['user.contact.email'], status: 'proposed' } }],
        expectedVersion: version(),
      });
      expect(back.status, JSON.stringify(back.json)).toBe(200);
      expect(ReviewFile.load(file).fields().find((f) => f.address.field === 'email')).toMatchObject({ status: 'proposed', categories: ['user.contact.email'] });
    } finally {
      await fresh.close();
    }
  });

  it('undo of an accept puts the proposed identity back out of fides_meta; fides_meta is never taken from a request', async () => {
    // The e-mail field proposes an identity for Fides requests (as a scan writes it).
    const withProposal = datasetFileToYaml(fixture()).replace(/(\n\s+)status: proposed\n\s+confidence: 0\.96\n/, '$1status: proposed$1confidence: 0.96$1proposed_fides_meta:$1  identity: email\n');
    expect(withProposal).toContain('proposed_fides_meta');
    fs.writeFileSync(file, withProposal);
    const accepted = await api(server, '/api/action', { action: 'accept', addresses: [EMAIL], expectedVersion: version() });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/fides_meta:\n\s+data_type: string\n\s+identity: email\n/);
    const undo = accepted.json.undo as { address: unknown; previous: { fidesMeta?: unknown } }[];
    expect(undo[0].previous.fidesMeta).toEqual({ meta: { data_type: 'string' }, proposed: { identity: 'email' } });
    const restored = await api(server, '/api/action', { action: 'restore', restores: undo, expectedVersion: accepted.json.version });
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(fs.readFileSync(file, 'utf8')).toBe(withProposal);
    // Redo (the undo of the undo) accepts the identity again.
    const redo = await api(server, '/api/action', { action: 'restore', restores: restored.json.undo, expectedVersion: restored.json.version });
    expect(redo.status, JSON.stringify(redo.json)).toBe(200);
    expect(ReviewFile.load(file).fields().find((f) => f.address.field === 'email')?.proposedFidesMeta).toBeUndefined();
    expect(fs.readFileSync(file, 'utf8')).toMatch(/identity: email/);
    // A fides_meta this server never reported is refused: identities reach Fides' request graph.
    await expectRefused(
      { action: 'restore', restores: [{ address: NOTES, previous: { categories: ['system.operations'], status: 'proposed', fidesMeta: { meta: { identity: 'email' }, proposed: null } } }] },
      /fides_meta/,
    );
  });

  it('answers 413 with one line of JSON for a body declared larger than the limit', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
    const res = await rawPost(server, big, { 'content-length': big.length });
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(413);
    const body = JSON.parse(res.body) as { error: string };
    expect(body.error).toMatch(/at most 4 MB/);
    expect(body.error).not.toContain('\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(stderr.join('')).toBe('');
  });

  it('answers 413 for a chunked body that grows past the limit while streaming, and keeps serving', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const res = await rawPost(server, (req) => {
      // No Content-Length: node sends it chunked. 6 MB in 24 writes, then the end.
      let sent = 0;
      const write = () => {
        while (sent < 24) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { error: string }).error).toMatch(/too large/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(stderr.join('')).toBe('');
    // The server is fine afterwards.
    expect((await api(server, '/api/state')).status).toBe(200);
  });

  it('with Expect: 100-continue, refuses an oversized body before it is sent, and still checks the token first', async () => {
    const url = new URL(server.url);
    const ask = (token: string) =>
      new Promise<{ status: number; continued: boolean; body: string }>((resolve, reject) => {
        let continued = false;
        const req = http.request({
          host: url.hostname,
          port: url.port,
          path: '/api/action',
          method: 'POST',
          headers: { 'x-piiscout-token': token, 'content-type': 'application/json', 'content-length': 5 * 1024 * 1024, expect: '100-continue' },
        });
        req.on('continue', () => {
          continued = true;
          req.destroy();
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, continued, body });
          });
        });
        req.on('error', (e) => (continued ? resolve({ status: 0, continued, body: '' }) : reject(e)));
        req.flushHeaders();
      });
    const refused = await ask(url.searchParams.get('token')!);
    expect(refused).toMatchObject({ status: 413, continued: false });
    expect((JSON.parse(refused.body) as { error: string }).error).toMatch(/at most 4 MB/);
    expect((await ask('wrong-token')).status).toBe(403);
    expect(stderr.join('')).toBe('');
  });

  it('accepts a chunked body under the limit, and a body just under the limit', async () => {
    const action = JSON.stringify({ action: 'accept', addresses: [EMAIL], expectedVersion: version() });
    const res = await rawPost(server, (req) => {
      req.write(action.slice(0, 10));
      req.end(action.slice(10));
    });
    expect(res.status, res.body).toBe(200);
    // Padding with spaces is valid JSON; a body of exactly the limit is read.
    const padded = JSON.stringify({ action: 'ignore', addresses: [NOTES], expectedVersion: version() });
    const body = padded + ' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(padded));
    const full = await rawPost(server, body, { 'content-length': Buffer.byteLength(body) });
    expect(full.status, full.body.slice(0, 200)).toBe(200);
  });

  it('gives 400 for malformed JSON and an empty body, 415 for another content type', async () => {
    const before = fs.readFileSync(file, 'utf8');
    for (const body of ['{"action": "accept", ', '', 'null', '[]', '"accept"', '{"action":"accept","addresses":[{"dataset":"a","collection":"b","field":"c"}],"expectedVersion":"x"} trailing']) {
      const res = await rawPost(server, body, { 'content-length': Buffer.byteLength(body) });
      expect(res.status, body).toBe(400);
      expect((JSON.parse(res.body) as { error: string }).error).toMatch(/Malformed/);
    }
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect((await rawPost(server, deep, { 'content-length': deep.length })).status).toBe(400);
    expect((await rawPost(server, '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(stderr.join('')).toBe('');
  });

  it('logs nothing when a client goes away in the middle of a body', async () => {
    const res = await rawPost(
      server,
      (req) => {
        req.write('{"action": "acc');
        setTimeout(() => req.destroy(), 50);
      },
      { 'content-length': 1000 },
    );
    expect(res.status).toBe(0);
    // Let the server notice the abort, then make sure it is still fine and said nothing.
    expect((await api(server, '/api/state')).status).toBe(200);
    expect(stderr.join('')).toBe('');
  });

  it('keeps nothing of an action refused part-way: the next action saves only its own change', async () => {
    // NOTES is accepted in the server's copy of the file before BLANK (no categories) refuses the action.
    await expectRefused({ action: 'accept', addresses: [NOTES, BLANK] }, /has no categories to accept/);
    const next = await api(server, '/api/action', { action: 'ignore', addresses: [EMAIL], expectedVersion: version() });
    expect(next.status).toBe(200);
    const byName = new Map(ReviewFile.load(file).fields().map((f) => [f.address.field, f.status]));
    expect(byName.get('email')).toBe('ignored');
    expect(byName.get('notes')).toBe('proposed');
    expect((next.json.changed as { address: unknown }[]).map((c) => c.address)).toEqual([EMAIL]);
  });

  it('answers /api/state, /api/version and /api/field from the file as it is on disk, also after another program wrote it', async () => {
    const state = await api(server, '/api/state');
    expect(state.json.version).toBe(version());
    expect(state.json.datasets).toEqual([{ name: 'shop_public', collections: [{ name: 'customers', fieldCount: 4 }] }]);
    expect(state.json.fields).toEqual([
      ['email', 'proposed', 0.96, ['user.contact.email'], 'string', 0],
      ['notes', 'proposed', 0.4, ['system.operations'], 'string', 0],
      ['loyalty', 'edited', 0.5, ['user.loyalty_tier'], null, 0],
      ['blank', 'proposed', null, [], 'string', 0],
    ]);
    // Another program decides a field: every answer follows the file.
    const outside = ReviewFile.load(file);
    outside.accept(NOTES);
    outside.save();
    expect((await api(server, '/api/version')).json.version).toBe(version());
    const after = await api(server, '/api/state');
    expect(after.json.version).toBe(version());
    expect((after.json.fields as unknown[][])[1].slice(0, 2)).toEqual(['notes', 'accepted']);
  });

  it("/api/field gives one field's evidence, 404 for a field the file does not have, 403 without the token", async () => {
    const withEvidence = fixture();
    withEvidence.dataset[0].collections[0].fields[0].piiscout!.evidence = [
      { factor: 'name', category: 'user.contact.email', score: 0.9, source: 'name-rules', reason: "column name token 'email'" },
    ];
    withEvidence.dataset[0].collections[0].fields[0].piiscout!.alternatives = [{ category: 'user.name', confidence: 0.1 }];
    fs.writeFileSync(file, datasetFileToYaml(withEvidence));
    const query = (a: Record<string, string>) => `/api/field?${new URLSearchParams(a)}`;
    const detail = await api(server, query(EMAIL));
    expect(detail.status).toBe(200);
    expect(detail.json).toEqual({
      evidence: [{ factor: 'name', category: 'user.contact.email', score: 0.9, source: 'name-rules', reason: "column name token 'email'" }],
      alternatives: [{ category: 'user.name', confidence: 0.1 }],
    });
    expect((await api(server, query({ ...EMAIL, field: 'nope' }))).status).toBe(404);
    expect((await api(server, query({ dataset: EMAIL.dataset, collection: EMAIL.collection }))).status).toBe(404);
    const url = new URL(server.url);
    expect((await fetch(new URL(query(EMAIL), url.origin))).status).toBe(403);
    expect(stderr.join('')).toBe('');
  });
});
