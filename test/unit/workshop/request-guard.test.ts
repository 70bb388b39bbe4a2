import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type GuardConfig, guardRequest, sessionCookie } from '../../../src/workshop/request-guard.js';

const config: GuardConfig = {
  token: 'secret-token',
  session: 'session-secret',
  hosts: new Set(['127.0.0.1:8123']),
  cookieName: 'cw-8123',
  base: '/run-path/',
};
const request = (method: string, url: string, headers: Record<string, string>) =>
  ({ method, url, headers }) as unknown as IncomingMessage;
const good = { host: '127.0.0.1:8123', cookie: 'other=1; cw-8123=session-secret' };
const post = { ...good, origin: 'http://127.0.0.1:8123', 'content-type': 'application/json; charset=utf-8' };

describe('guardRequest', () => {
  it('lets the page in with the cookie, or with the URL token on a GET', () => {
    expect(guardRequest(request('GET', '/api/state', good), config)).toEqual({ ok: true, viaQuery: false });
    expect(guardRequest(request('GET', '/?token=secret-token', { host: good.host }), config)).toEqual({
      ok: true,
      viaQuery: true,
    });
    expect(guardRequest(request('POST', '/api/save', post), config)).toEqual({ ok: true, viaQuery: false });
  });

  it.each([
    ['another host', request('GET', '/', { ...good, host: 'evil.example:8123' }), 403],
    ['no token', request('GET', '/', { host: good.host }), 403],
    ['a token of another length', request('GET', '/?token=secret', { host: good.host }), 403],
    [
      'the token in a POST query',
      request('POST', '/api/save?token=secret-token', { ...post, cookie: '' }),
      403,
    ],
    ['another origin', request('POST', '/api/save', { ...post, origin: 'http://evil.example' }), 403],
    ['no origin', request('POST', '/api/save', { ...good, 'content-type': 'application/json' }), 403],
    ['a cross-site fetch', request('POST', '/api/save', { ...post, 'sec-fetch-site': 'cross-site' }), 403],
    [
      'a form post',
      request('POST', '/api/save', { ...post, 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    ],
  ])('refuses %s', (_, req, status) => {
    expect(guardRequest(req, config)).toMatchObject({ ok: false, status });
  });

  it('hands over an HttpOnly, SameSite=Strict cookie holding the session, not the URL token', () => {
    expect(sessionCookie(config)).toBe('cw-8123=session-secret; HttpOnly; SameSite=Strict; Path=/run-path/');
  });

  it('takes neither the URL token as a cookie nor a spent URL token (security review L1)', () => {
    const asCookie = { host: good.host, cookie: 'cw-8123=secret-token' };
    expect(guardRequest(request('GET', '/api/state', asCookie), config)).toMatchObject({
      ok: false,
      status: 403,
    });
    const spent = { ...config, token: null };
    expect(guardRequest(request('GET', '/?token=secret-token', { host: good.host }), spent)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});
