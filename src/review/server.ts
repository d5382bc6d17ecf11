/**
 * `piiscout review FILE --serve`: a small HTTP server on 127.0.0.1 that serves the review page and
 * a JSON API over the dataset file. Only the person holding the printed link can use it: every
 * request must carry the random token (query string for the page, header for the API), the Host
 * header must name this machine (against DNS rebinding), and there is no CORS. Each action reloads
 * the file, checks it is the version the page saw, and saves atomically.
 */
import { spawn } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZodError } from 'zod';
import { UserError } from '../core/errors.js';
import { Taxonomy } from '../fides/taxonomy.js';
import { actionRequestSchema, applyAction, StaleVersionError } from './review-actions.js';
import { ConflictError, ReviewFile } from './review-file.js';
import { buildReviewState } from './review-state.js';
import { renderForbiddenPage, renderReviewPage } from './page.js';

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Open the page in the default browser. */
  open?: boolean;
  taxonomy?: Taxonomy;
  onListening?: (url: string) => void;
}

export interface ReviewServer {
  url: string;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-piiscout-token';
const MAX_BODY_BYTES = 1_000_000;

export async function serveReview(file: string, options: ServeOptions = {}): Promise<ReviewServer> {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  ReviewFile.load(file, { taxonomy }); // fail before listening when the file is missing or not a dataset file
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`piiscout review: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Something went wrong on the review server. Nothing was saved.' });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLocalHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden: unexpected Host header.');

    if (req.method === 'GET' && url.pathname === '/') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return sendHtml(res, 403, renderForbiddenPage(), newNonce());
      const nonce = newNonce();
      return sendHtml(res, 200, renderReviewPage({ nonce }), nonce);
    }
    if (!url.pathname.startsWith('/api/')) return sendText(res, 404, 'Not found.');
    const header = req.headers[TOKEN_HEADER];
    if (!tokenMatches(typeof header === 'string' ? header : null, token)) {
      return sendJson(res, 403, { error: 'Access denied: this page needs the link with its access token.' });
    }

    if (req.method === 'GET' && url.pathname === '/api/state') {
      return sendJson(res, 200, buildReviewState(ReviewFile.load(file, { taxonomy }), taxonomy));
    }
    if (req.method === 'GET' && url.pathname === '/api/version') {
      return sendJson(res, 200, { version: ReviewFile.load(file).version });
    }
    if (req.method === 'POST' && url.pathname === '/api/action') {
      if (!isSameOrigin(req.headers.origin, port)) return sendJson(res, 403, { error: 'Access denied: cross-site request.' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'Expected a JSON request.' });
      }
      let request;
      try {
        request = actionRequestSchema.parse(JSON.parse(await readBody(req)));
      } catch (error) {
        if (error instanceof SyntaxError || error instanceof ZodError) return sendJson(res, 400, { error: 'Malformed action request.' });
        throw error;
      }
      try {
        const applied = applyAction(file, request, taxonomy);
        return sendJson(res, 200, { ...applied, state: buildReviewState(ReviewFile.load(file, { taxonomy }), taxonomy) });
      } catch (error) {
        if (error instanceof StaleVersionError || error instanceof ConflictError) {
          return sendJson(res, 409, { error: new StaleVersionError().message, conflict: true });
        }
        if (error instanceof UserError) return sendJson(res, 400, { error: error.message });
        throw error;
      }
    }
    return sendJson(res, 404, { error: 'Not found.' });
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UserError(`Port ${options.port} is already in use.`, { hint: 'Choose another with --port, or leave it out to pick a free one.' })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  options.onListening?.(url);
  if (options.open) openInBrowser(url);

  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only names of this machine: a rebinding attacker's page would send its own host name. */
function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on POST; when present it must be this server. */
function isSameOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new UserError('Request too large.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function newNonce(): string {
  return randomBytes(16).toString('base64');
}

const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // The token is in the page URL: never send it anywhere as a referrer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function sendHtml(res: http.ServerResponse, status: number, html: string, nonce: string): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "connect-src 'self'",
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  });
  res.end(html);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Best effort: the URL is printed anyway, so a missing opener is not an error. */
function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener on this machine
  }
}
