// A real `visitd serve` on a free loopback port with a temporary SQLite database, started
// and stopped by the test (like tests/integration/harness.py), plus a small staff API client.
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const SOURCE_DIR = process.env.VISITD_SOURCE_DIR || new URL('../../..', import.meta.url).pathname;
const BIN = process.env.VISITD_BIN || join(SOURCE_DIR, 'build', 'visitd');
const SECRET = 'e2e-secret-0123456789abcdef';
const START_TIMEOUT_MS = 20000;

export class VisitdServer {
  /**
   * options.database: share another server's database (e.g. a second server whose clock is
   * shifted by options.env.VISITD_CLOCK_SKEW_SECONDS); options.env: extra settings.
   */
  constructor(options = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'visitd-e2e-'));
    this.env = {
      PATH: process.env.PATH || '/usr/bin:/bin',
      VISITD_DATABASE: options.database || join(this.dir, 'visitd.db'),
      VISITD_LISTEN: '127.0.0.1:0',
      VISITD_SECRET: SECRET,
      VISITD_LOG_LEVEL: 'warn',
      VISITD_STATIC_DIR: join(SOURCE_DIR, 'web', 'dist'),
      VISITD_BOOKING_RATE_PER_MINUTE: '100000',
      VISITD_BOOKING_BURST: '100000',
      VISITD_LOGIN_RATE_PER_MINUTE: '100000',
      VISITD_LOGIN_BURST: '100000',
      VISITD_BOOKING_NETWORK_RATE_PER_MINUTE: '100000',
      VISITD_BOOKING_NETWORK_BURST: '100000',
      VISITD_BUSINESS_BOOKING_RATE_PER_MINUTE: '100000',
      VISITD_BUSINESS_BOOKING_BURST: '100000',
      VISITD_LOGIN_NETWORK_RATE_PER_MINUTE: '100000',
      VISITD_LOGIN_NETWORK_BURST: '100000',
      VISITD_ACCOUNT_LOGIN_FAILURES: '100000',
      VISITD_THREADS: '2',
      // Browsers in tests reach nothing outside loopback: no public STUN server by default.
      VISITD_STUN_URLS: '',
      ...(options.env || {}),
    };
    this.stderr = '';
  }

  async start() {
    if (!existsSync(join(this.env.VISITD_STATIC_DIR, 'index.html'))) {
      throw new Error(`no web app in ${this.env.VISITD_STATIC_DIR}: run scripts/build.sh (npm run build in web/)`);
    }
    this.proc = spawn(BIN, ['serve'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => {
      this.stderr += d;
    });
    const lines = createInterface({ input: this.proc.stdout });
    this.baseUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`visitd did not start: ${this.stderr}`)), START_TIMEOUT_MS);
      this.proc.once('exit', (code) => reject(new Error(`visitd exited ${code}: ${this.stderr}`)));
      lines.on('line', (line) => {
        const m = line.match(/visitd listening on (http:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    return this;
  }

  /** Stops and starts the server again on the same address and database (a drill for reconnects). */
  async restart() {
    await this.terminate();
    this.env.VISITD_LISTEN = new URL(this.baseUrl).host;
    this.stderr = '';
    return this.start();
  }

  async stop() {
    await this.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async terminate() {
    if (this.proc && this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(timer);
    }
  }

  /** `visitd admin <args>` on this server's database; returns the printed JSON. */
  admin(...args) {
    return JSON.parse(execFileSync(BIN, ['admin', ...args], { env: this.env, encoding: 'utf8' }));
  }

  /** A capability token signed the way visitd signs it (kind|id|version|expiry). */
  signCapability(kind, bookingId, version, expiresUnix) {
    const b64 = (buf) => Buffer.from(buf).toString('base64url');
    const payload = b64(`${kind}|${bookingId}|${version}|${expiresUnix}`);
    return `${payload}.${b64(createHmac('sha256', SECRET).update(payload).digest())}`;
  }
}

/** JSON client with the staff session cookie and CSRF token after login(). */
export class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = null;
    this.csrf = null;
  }

  async request(method, path, body, headers = {}) {
    const h = { Accept: 'application/json', ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (this.cookie) h.Cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['X-CSRF-Token'] = this.csrf;
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async ok(method, path, body, headers) {
    const r = await this.request(method, path, body, headers);
    if (r.status >= 300) throw new Error(`${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async login(email, password) {
    const me = await this.ok('POST', '/api/v1/auth/login', { email, password });
    this.csrf = me.csrfToken;
    return me;
  }
}
