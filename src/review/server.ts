/**
 * `piiscout review FILE --serve`: a small HTTP server on 127.0.0.1 that serves the review page and
 * a JSON API over the dataset file. Only the person holding the printed link can use it: every
 * request must carry the random token (query string for the page, header for the API), the Host
 * header must name this machine (against DNS rebinding), and there is no CORS. The file is read
 * once and again only when another program changed it (review-session.ts); each action checks the
 * page saw the version on disk, and saves atomically. A request body is read up to MAX_BODY_BYTES;
 * a larger one gets 413 with one line of JSON, never a dropped connection.
 */
import { spawn } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZodError } from 'zod';
import { UserError } from '../core/errors.js';
import { Taxonomy } from '../fides/taxonomy.js';
import type { FieldAddress } from './api-types.js';
import { reviewPageScript } from './client-bundle.js';
import { renderForbiddenPage, renderReviewPage } from './page.js';
import { actionRequestSchema, StaleVersionError } from './review-actions.js';
import { ConflictError } from './review-file.js';
import { ReviewSession } from './review-session.js';

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

/**
 * The largest request body the API reads: 4 MiB, room for one action on about 25,000 fields (an
 * accept or its undo). Documented in docs/review.md; the page says so when a selection is larger.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
const TOO_LARGE_MESSAGE = `Request too large: the review API accepts at most ${MAX_BODY_BYTES / 1024 / 1024} MB per action. Act on fewer fields at once (filter by table or confidence). Nothing was saved.`;
/** After a 413, the rest of the body is read and dropped up to this much, so the client gets the answer; then the connection is closed. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

/** The request body is over MAX_BODY_BYTES (declared or as it streams in). */
class BodyTooLargeError extends Error {}
/** The client closed the connection before its request was read: nobody to answer, nothing to log. */
class ClientGoneError extends Error {}

export async function serveReview(file: string, options: ServeOptions = {}): Promise<ReviewServer> {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  // Reads the file now: fail before listening when it is missing or not a dataset file.
  const session = new ReviewSession(file, taxonomy);
  const script = await reviewPageScript();
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  const dispatch = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ClientGoneError) return void res.destroy();
      process.stderr.write(`piiscout review: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Something went wrong on the review server. Nothing was saved.' });
      else res.destroy();
    });
  };
  const server = http.createServer(dispatch);
  // `Expect: 100-continue` (curl sends it for large bodies): refuse an oversized body before it is sent.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!(declaredLength(req) > MAX_BODY_BYTES)) res.writeContinue();
    dispatch(req, res);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLocalHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden: unexpected Host header.');

    if (req.method === 'GET' && url.pathname === '/') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return sendHtml(res, 403, renderForbiddenPage(), newNonce());
      const nonce = newNonce();
      return sendHtml(res, 200, renderReviewPage({ nonce, script }), nonce);
    }
    if (!url.pathname.startsWith('/api/')) return sendText(res, 404, 'Not found.');
    const header = req.headers[TOKEN_HEADER];
    if (!tokenMatches(typeof header === 'string' ? header : null, token)) {
      return sendJson(res, 403, { error: 'Access denied: this page needs the link with its access token.' });
    }

    if (req.method === 'GET' && url.pathname.startsWith('/api/')) {
      try {
        if (url.pathname === '/api/state') return sendJsonText(res, 200, session.snapshotJson());
        if (url.pathname === '/api/version') return sendJson(res, 200, { version: session.diskVersion() });
        if (url.pathname === '/api/field') {
          const address = addressFrom(url.searchParams);
          const detail = address && session.detailJson(address);
          return detail ? sendJsonText(res, 200, detail) : sendJson(res, 404, { error: 'No such field: reload the page.' });
        }
      } catch (error) {
        if (error instanceof UserError) return sendJson(res, 400, { error: oneLine(error.message) });
        throw error;
      }
    }
    if (req.method === 'POST' && url.pathname === '/api/action') {
      if (!isSameOrigin(req.headers.origin, port)) return sendJson(res, 403, { error: 'Access denied: cross-site request.' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'Expected a JSON request.' });
      }
      let request;
      try {
        request = actionRequestSchema.parse(JSON.parse(await readBody(req, MAX_BODY_BYTES)));
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          discardBody(req);
          return sendJson(res, 413, { error: TOO_LARGE_MESSAGE });
        }
        if (error instanceof SyntaxError || error instanceof ZodError) return sendJson(res, 400, { error: 'Malformed action request.' });
        throw error;
      }
      try {
        return sendJson(res, 200, session.apply(request));
      } catch (error) {
        if (error instanceof StaleVersionError || error instanceof ConflictError) {
          return sendJson(res, 409, { error: new StaleVersionError().message, conflict: true });
        }
        if (error instanceof UserError) return sendJson(res, 400, { error: oneLine(error.message) });
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

function declaredLength(req: http.IncomingMessage): number {
  const header = req.headers['content-length'];
  return header === undefined ? NaN : Number(header);
}

/** The body as text, refusing one declared or streamed past `limit` bytes without buffering it. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  if (declaredLength(req) > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      stop();
      reject(new BodyTooLargeError());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onGone = () => {
      stop();
      reject(new ClientGoneError());
    };
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('aborted', onGone);
    };
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('aborted', onGone);
  });
}

/**
 * Reads and drops the rest of a refused body, so the client (still sending) gets the 413 instead
 * of a reset connection; a body that goes on past MAX_DISCARD_BYTES has its connection closed.
 */
function discardBody(req: http.IncomingMessage): void {
  let dropped = 0;
  req.on('error', () => undefined);
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DISCARD_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** Error text goes to the page on one line, whatever names it quotes. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
  sendJsonText(res, status, JSON.stringify(body));
}

function sendJsonText(res: http.ServerResponse, status: number, json: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(json);
}

/** `?dataset=…&collection=…&field=…`, each given once and non-empty. */
function addressFrom(params: URLSearchParams): FieldAddress | undefined {
  const [dataset, collection, field] = (['dataset', 'collection', 'field'] as const).map((k) => params.getAll(k));
  if ([dataset, collection, field].some((v) => v.length !== 1 || v[0] === '')) return undefined;
  return { dataset: dataset[0], collection: collection[0], field: field[0] };
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
