// A real SMTP server for the browser tests: Debian's aiosmtpd on a free loopback port storing
// every mail in a Maildir (like tests/integration/notify_fakes.py), started and stopped by the
// test. Mails are parsed by Python's email package, so MIME encodings need no JS parser here.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';
const START_DEADLINE_MS = 15000;
const POLL_MS = 100;

// Prints the Maildir's mails as JSON: to, subject and the decoded text/plain and text/html parts.
const PARSE = `
import email, email.policy, json, os, sys
d = os.path.join(sys.argv[1], 'new')
out = []
for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
    with open(os.path.join(d, name), 'rb') as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    parts = {}
    for p in m.walk():
        if p.get_content_type() in ('text/plain', 'text/html') and p.get_content_type() not in parts:
            parts[p.get_content_type()] = p.get_content()
    out.append({'to': str(m['To']), 'subject': str(m['Subject']),
                'text': parts.get('text/plain', ''), 'html': parts.get('text/html', '')})
print(json.dumps(out))
`;

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when fn() returns a truthy value; rejects after deadlineMs with `what`. */
export async function waitUntil(fn, what, deadlineMs = 20000) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function accepting(port) {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export class SmtpSink {
  async start() {
    this.root = mkdtempSync(join(tmpdir(), 'visitd-e2e-smtp-'));
    // Mailbox creates tmp/new/cur only when the directory does not exist yet.
    this.dir = join(this.root, 'maildir');
    this.port = await freePort();
    this.proc = spawn(PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${this.port}`, '-c', 'aiosmtpd.handlers.Mailbox', this.dir], {
      env: { PATH: '/usr/bin:/bin', PYTHONUNBUFFERED: '1' },
      stdio: 'ignore',
    });
    await waitUntil(() => this.proc.exitCode === null && accepting(this.port), 'the SMTP sink to accept connections', START_DEADLINE_MS);
    return this;
  }

  /** Settings for VisitdServer's env: plain SMTP to this sink, a quick outbox worker. */
  get env() {
    return { VISITD_SMTP_HOST: '127.0.0.1', VISITD_SMTP_PORT: String(this.port), VISITD_SMTP_TLS: 'none', VISITD_NOTIFY_INTERVAL_MS: '100' };
  }

  count() {
    const nd = join(this.dir, 'new');
    return existsSync(nd) ? readdirSync(nd).length : 0;
  }

  messages() {
    if (!this.count()) return [];
    return JSON.parse(execFileSync(PYTHON, ['-c', PARSE, this.dir], { encoding: 'utf8' }));
  }

  /** Waits (polling the Maildir, with a deadline) for a mail matching predicate. */
  waitFor(predicate, what, deadlineMs = 20000) {
    return waitUntil(() => this.messages().find(predicate), what, deadlineMs);
  }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await exited;
    }
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }
}
