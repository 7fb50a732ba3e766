// One WebSocket to /api/v1/live per tab: authenticates with the room token and the last seen
// chat seq, reconnects by itself after a drop (joining again for a fresh token, with backoff),
// and paces outgoing messages below the server's rate limit.
import type { JoinAnswer, ServerMessage } from './protocol';
import { kTerminalCloseCodes } from './protocol';

export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveOptions {
  /** Joins (again) for a fresh room token. A rejection ends the connection for good. */
  join: () => Promise<JoinAnswer>;
  lastSeq: () => number;
  onMessage: (m: ServerMessage) => void;
  onState: (s: LinkState, detail: { code?: number; error?: unknown }) => void;
  /** Lobby watch mode (hosts): see the lobby without being in the call. */
  watch?: boolean;
}

// The server allows 20 messages/s with bursts of 40; stay well below.
const kSendPerSecond = 12;
const kBurst = 24;
const kBackoffMs = [500, 1000, 2000, 4000, 8000];

export class LiveSocket {
  private ws: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private retryTimer = 0;
  private queue: string[] = [];
  private tokens = kBurst;
  private lastRefill = performance.now();
  private pumpTimer = 0;
  private welcomed = false;

  constructor(private readonly opts: LiveOptions) {}

  /** Connects with a join answer already in hand. */
  start(answer: JoinAnswer): void {
    this.opts.onState('connecting', {});
    this.connect(answer);
  }

  private connect(answer: JoinAnswer): void {
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}${answer.wsPath || '/api/v1/live'}`);
    this.ws = ws;
    this.welcomed = false;
    ws.onopen = () => {
      // Straight on the socket: auth must be the very first message.
      const auth = { type: 'auth', token: answer.roomToken, lastSeq: this.opts.lastSeq() };
      ws.send(JSON.stringify(this.opts.watch ? { ...auth, watch: true } : auth));
    };
    ws.onmessage = (ev) => {
      if (ws !== this.ws) return;
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (!msg || typeof msg.type !== 'string') return;
      if (msg.type === 'welcome') {
        // Signaling queued for the previous connection's peer connections is stale now.
        this.queue = this.queue.filter((q) => !q.startsWith('{"type":"signal.'));
        this.welcomed = true;
        this.attempt = 0;
        this.opts.onState('open', {});
        this.opts.onMessage(msg);
        this.pump();
        return;
      }
      this.opts.onMessage(msg);
    };
    ws.onclose = (ev) => {
      if (ws !== this.ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (kTerminalCloseCodes.includes(ev.code)) {
        this.stopped = true;
        this.opts.onState('closed', { code: ev.code });
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.opts.onState('reconnecting', {});
    const delay = kBackoffMs[Math.min(this.attempt, kBackoffMs.length - 1)];
    this.attempt++;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.rejoin(), delay);
  }

  private async rejoin(): Promise<void> {
    if (this.stopped) return;
    let answer: JoinAnswer;
    try {
      answer = await this.opts.join();
    } catch (error) {
      // Offline: keep trying. A refusal (403/404/410): the room is gone for us.
      const status = (error as { status?: number })?.status ?? 0;
      if (status === 0 || status >= 500 || status === 429) return this.scheduleReconnect();
      this.stopped = true;
      this.opts.onState('closed', { error });
      return;
    }
    this.connect(answer);
  }

  /** Queues a message; it goes out once connected and admitted to send. */
  send(msg: Record<string, unknown>): void {
    this.queue.push(JSON.stringify(msg));
    this.pump();
  }

  private pump(): void {
    if (this.pumpTimer) return;
    const now = performance.now();
    this.tokens = Math.min(kBurst, this.tokens + ((now - this.lastRefill) / 1000) * kSendPerSecond);
    this.lastRefill = now;
    while (this.queue.length && this.tokens >= 1 && this.ws?.readyState === WebSocket.OPEN && this.welcomed) {
      this.ws.send(this.queue.shift()!);
      this.tokens -= 1;
    }
    if (this.queue.length && this.ws?.readyState === WebSocket.OPEN && this.welcomed) {
      this.pumpTimer = window.setTimeout(() => {
        this.pumpTimer = 0;
        this.pump();
      }, 1000 / kSendPerSecond);
    }
  }

  /** Leaves for good (close 1000: others see "left" at once). */
  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.pumpTimer);
    this.pumpTimer = 0;
    const ws = this.ws;
    this.ws = null;
    // Whatever is queued (a hangup, say) still goes out, ahead of the close frame.
    if (ws && ws.readyState === WebSocket.OPEN && this.welcomed) for (const q of this.queue) ws.send(q);
    this.queue = [];
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'left');
  }
}
