import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { generate, root } from '../hardening/harness/cli.js';
import { prerequisite } from '../helpers/prerequisite.js';

/**
 * The PDF's browser reaches nothing (security review L11): before, Chromium looked up accounts.google.com,
 * clients2.google.com and update.googleapis.com on every run. Its own network log (--log-net-log) is the
 * witness: it records every host lookup and connection the browser makes.
 */
const browser = findBrowser(currentBrowserSearchContext());
const hasBrowser = prerequisite(
  'Chrome or Chromium (install chromium or set CNIREPORT_CHROME)',
  browser !== null,
);
const dir = mkdtempSync(join(tmpdir(), 'cnireport-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The names of the events in a Chromium net log, with how often each occurred. */
function netLogEvents(file: string): Map<string, number> {
  const text = readFileSync(file, 'utf8').trim();
  // A browser that is killed rather than closed leaves the log without its closing brackets.
  const log = JSON.parse(text.endsWith('}') ? text : `${text.replace(/,\s*$/, '')}]}`) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number }[];
  };
  const names = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const counts = new Map<string, number>();
  for (const event of log.events) {
    const name = names.get(event.type) ?? String(event.type);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

describe.skipIf(!hasBrowser)('the browser that prints the PDF', () => {
  it('looks up no host name and sends no request', async () => {
    const netLog = join(dir, 'net-log.json');
    const run = await generate(
      [join(root, 'examples', 'small-team-basic.yaml'), '--out', join(dir, 'out'), '--format', 'pdf'],
      {
        cwd: dir,
        env: {
          CNIREPORT_CHROME: join(root, 'test', 'e2e', 'fixtures', 'netlog-browser.sh'),
          REAL_BROWSER: browser?.executablePath ?? '',
          NETLOG_FILE: netLog,
        },
      },
    );
    expect(run.code).toBe(0);
    const events = netLogEvents(netLog);
    // The log is live: the browser did start its own network stack and wrote to it.
    expect(events.size).toBeGreaterThan(0);
    // A DNS query, a call to getaddrinfo, a TCP connection, a TLS handshake, an HTTP request sent. (Chromium's
    // IPv6 reachability probe connects a UDP socket, which sends nothing.)
    const reaching = [...events.keys()].filter((name) =>
      [
        'DNS_TRANSACTION',
        'HOST_RESOLVER_DNS_TASK',
        'HOST_RESOLVER_SYSTEM_TASK',
        'TCP_CONNECT',
        'SSL_CONNECT',
        'HTTP_TRANSACTION_SEND_REQUEST',
      ].includes(name),
    );
    expect(reaching).toEqual([]);
  }, 60_000);
});
