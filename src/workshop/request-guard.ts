import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a request must match to be served: the run's token, the address it serves, its own origin. */
export interface GuardConfig {
  /** The secret of the printed URL: good for one page load, then null (a link in the history is dead). */
  readonly token: string | null;
  /** The cookie's secret, another one: the URL's token never becomes the session's. */
  readonly session: string;
  /** `Host` values this server answers to: `127.0.0.1:8123`, and the like. */
  readonly hosts: ReadonlySet<string>;
  readonly cookieName: string;
  /**
   * Where the page lives, `/<random>/`, and the only path the session cookie is sent to: cookies ignore
   * ports, so another server on 127.0.0.1 would get a cookie of path `/`; it never gets a request under a
   * path it cannot guess (security review L3).
   */
  readonly base: string;
}

export type GuardVerdict =
  | { readonly ok: true; readonly viaQuery: boolean }
  | { readonly ok: false; readonly status: number; readonly reason: string };

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Decides whether a request may touch anything, before its body is read:
 * - its Host is an address this server listens on (a DNS-rebound name would otherwise reach it);
 * - it carries the run's token, in the cookie or, for a page load, in the printed URL's query;
 * - a state-changing request comes from the page's own origin, as JSON (no form or other site can send it).
 */
export function guardRequest(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!config.hosts.has(host.toLowerCase())) return deny(403, 'wrong host');
  const method = request.method ?? 'GET';
  const cookieToken = readCookie(request.headers.cookie, config.cookieName);
  const queryToken =
    method === 'GET' ? new URL(request.url ?? '/', 'http://workshop').searchParams.get('token') : null;
  const viaCookie = cookieToken !== undefined && sameSecret(cookieToken, config.session);
  const viaQuery =
    !viaCookie && queryToken !== null && config.token !== null && sameSecret(queryToken, config.token);
  if (!viaCookie && !viaQuery) return deny(403, 'missing or wrong token');
  if (STATE_CHANGING.has(method)) {
    const origin = request.headers.origin;
    if (origin === undefined || !config.hosts.has(originHost(origin))) return deny(403, 'wrong origin');
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return deny(403, 'not from the page');
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return deny(415, 'expected application/json');
  }
  return { ok: true, viaQuery };
}

function deny(status: number, reason: string): GuardVerdict {
  return { ok: false, status, reason };
}

/** `http://127.0.0.1:8123` → `127.0.0.1:8123`; anything but a plain http origin matches no host. */
function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.pathname === '/' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The cookie that carries the session after the first page load: named per port, so two workshops do not
 * replace each other's, and sent only under the run's own path, which other servers on the host never see.
 */
export function sessionCookie(config: GuardConfig): string {
  return `${config.cookieName}=${config.session}; HttpOnly; SameSite=Strict; Path=${config.base}`;
}
