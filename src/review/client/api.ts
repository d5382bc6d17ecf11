/** Requests to the review server (src/review/server.ts), typed by the shared api-types.ts. */
import type { ActionRequest, ActionResponse, ApiError, FieldAddress, FieldDetail, ReviewSnapshot, VersionResponse } from '../api-types.js';

const token = new URLSearchParams(location.search).get('token') ?? '';

export function hasToken(): boolean {
  return token !== '';
}

/** The server refused or failed a request; `status` is the HTTP status (409: the file changed). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-piiscout-token': token };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiRequestError((data as ApiError | null)?.error || `The server answered ${res.status}.`, res.status);
  return data as T;
}

export const getState = (): Promise<ReviewSnapshot> => request('GET', '/api/state');

export const getVersion = (): Promise<VersionResponse> => request('GET', '/api/version');

export function getFieldDetail(a: FieldAddress): Promise<FieldDetail> {
  const query = new URLSearchParams({ dataset: a.dataset, collection: a.collection, field: a.field });
  return request('GET', `/api/field?${query}`);
}

export const postAction = (action: ActionRequest): Promise<ActionResponse> => request('POST', '/api/action', action);
