// One participant's time in a room: the live connection, the lobby, the mesh of calls and the
// chat, kept as a snapshot the views render. It survives connection drops (the socket
// reconnects with the last seen seq; calls are rebuilt) and page reloads (the last seen seq
// is kept in sessionStorage, history is fetched again).
import {
  addHistory,
  addMessage,
  deleteMessage,
  editMessage,
  emptyChat,
  forget,
  markRead,
  newestFromOthers,
  setTyping,
  type ChatState,
} from './chat';
import { LiveSocket, type LinkState } from './live';
import { Mesh, type RemoteView } from './mesh';
import type { ChatMessage, ChatPage, JoinAnswer, Participant, RoomRole, ServerMessage } from './protocol';
import { kCloseDenied, kCloseEnded, kCloseFull, kCloseReplaced, kCloseRoomClosed } from './protocol';

export type Phase = 'connecting' | 'lobby' | 'call' | 'ended' | 'denied' | 'replaced' | 'full' | 'closed' | 'left' | 'refused';

export interface Snapshot {
  phase: Phase;
  link: LinkState;
  me: { id: string; role: RoomRole; name: string };
  participants: Participant[];
  waiting: Participant[];
  chat: ChatState;
  remotes: RemoteView[];
  audio: boolean;
  video: boolean;
  sharing: boolean;
  /** Why joining again failed (a refusal problem), when phase is 'refused'. */
  error?: unknown;
  /** A non-fatal error the server reported for something we sent. */
  notice?: string;
}

const kTypingRepeatMs = 2500;
const kTypingIdleMs = 3000;
const kHistoryPage = 100;

const seqKey = (roomId: string, who: string) => `visitd.room.${roomId}.${who}.lastSeq`;

export class RoomSession {
  snapshot: Snapshot;
  private answer: JoinAnswer;
  private readonly live: LiveSocket;
  private readonly mesh: Mesh;
  private listeners = new Set<() => void>();
  private typingSentAt = 0;
  private typingTimer = 0;
  private readSent = 0;
  private historyLoaded = false;
  private camera: MediaStreamTrack | null;
  private screen: MediaStreamTrack | null = null;

  constructor(
    answer: JoinAnswer,
    private readonly join: () => Promise<JoinAnswer>,
    readonly local: MediaStream | null,
  ) {
    this.answer = answer;
    this.camera = local?.getVideoTracks()[0] ?? null;
    const me = answer.participant;
    this.snapshot = {
      phase: 'connecting',
      link: 'connecting',
      me,
      participants: [],
      waiting: [],
      chat: emptyChat,
      remotes: [],
      audio: !!local?.getAudioTracks().length,
      video: !!this.camera,
      sharing: false,
    };
    this.mesh = new Mesh(me, answer.iceServers, (m) => this.live.send(m), () => this.update({}));
    this.mesh.setLocal(local);
    this.live = new LiveSocket({
      join: async () => {
        this.answer = await this.join();
        return this.answer;
      },
      lastSeq: () => this.lastSeq(),
      onMessage: (m) => this.onMessage(m),
      onState: (s, detail) => this.onLink(s, detail),
    });
    document.addEventListener('visibilitychange', this.onVisible);
  }

  start(): void {
    this.live.start(this.answer);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private update(patch: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch, remotes: this.mesh.remotes() };
    this.listeners.forEach((l) => l());
  }

  private lastSeq(): number {
    const stored = Number(sessionStorage.getItem(seqKey(this.answer.roomId, this.answer.participant.id)) || 0);
    return Math.max(this.snapshot.chat.lastSeq, Number.isFinite(stored) ? stored : 0);
  }

  private setChat(chat: ChatState): void {
    if (chat.lastSeq !== this.snapshot.chat.lastSeq) {
      sessionStorage.setItem(seqKey(this.answer.roomId, this.answer.participant.id), String(chat.lastSeq));
    }
    this.update({ chat });
    this.sendRead();
  }

  private onLink(link: LinkState, detail: { code?: number; error?: unknown }): void {
    if (link !== 'closed') {
      this.update({ link });
      return;
    }
    this.mesh.dropAll();
    const byCode: Record<number, Phase> = {
      [kCloseDenied]: 'denied',
      [kCloseEnded]: 'ended',
      [kCloseRoomClosed]: 'closed',
      [kCloseReplaced]: 'replaced',
      [kCloseFull]: 'full',
    };
    const phase = detail.code !== undefined ? byCode[detail.code] : 'refused';
    if (this.snapshot.phase === 'left') return;
    this.update({ link, phase: phase ?? 'refused', error: detail.error });
  }

  private roleOf = (id: string): RoomRole =>
    this.snapshot.participants.find((p) => p.id === id)?.role ?? 'host';

  private onMessage(m: ServerMessage): void {
    const s = this.snapshot;
    switch (m.type) {
      case 'welcome': {
        // A new connection: calls of the previous one are stale, the others offer again.
        this.mesh.dropAll();
        const you = m.you as Participant;
        const admitted = you.state === 'admitted';
        this.update({
          me: { id: you.id, role: you.role, name: you.name },
          participants: (m.participants as Participant[]) ?? [],
          waiting: (m.waiting as Participant[]) ?? [],
          phase: admitted ? 'call' : 'lobby',
        });
        if (admitted) {
          this.announceMedia();
          void this.loadHistory();
        }
        return;
      }
      case 'lobby.waiting':
        this.update({ waiting: [...s.waiting.filter((p) => p.id !== (m.participant as Participant).id), m.participant as Participant] });
        return;
      case 'lobby.left':
      case 'lobby.decided':
        this.update({ waiting: s.waiting.filter((p) => p.id !== m.participantId) });
        return;
      case 'lobby.admitted':
        this.update({ phase: 'call', participants: (m.participants as Participant[]) ?? [] });
        // A guest in the lobby was given no relay: joining again now hands out the TURN credentials.
        void this.join()
          .then((a) => {
            this.answer = a;
            this.mesh.setIceServers(a.iceServers);
          })
          .catch(() => undefined);
        this.announceMedia();
        void this.loadHistory();
        return;
      case 'lobby.denied':
        this.update({ phase: 'denied' });
        return;
      case 'presence': {
        const p = m.participant as Participant;
        if (!p || p.id === s.me.id) return;
        if (m.status === 'left') {
          this.mesh.drop(p.id);
          this.update({ participants: s.participants.filter((x) => x.id !== p.id), chat: forget(s.chat, p.id) });
          return;
        }
        const presence = m.status === 'reconnecting' ? 'reconnecting' : 'online';
        this.update({ participants: [...s.participants.filter((x) => x.id !== p.id), { ...p, presence }] });
        if (m.status === 'joined' && s.phase === 'call') this.mesh.connectTo(p);
        return;
      }
      case 'participant.removed':
        if (m.participantId === s.me.id) {
          this.update({ phase: 'denied' });
        } else {
          this.mesh.drop(String(m.participantId));
          this.update({ participants: s.participants.filter((x) => x.id !== m.participantId) });
        }
        return;
      case 'signal.offer':
      case 'signal.answer':
      case 'signal.ice':
        this.mesh.onSignal(m, this.roleOf);
        return;
      case 'call.hangup':
        this.mesh.drop(String(m.from));
        return;
      case 'call.media':
        this.update({
          participants: s.participants.map((p) => (p.id === m.from ? { ...p, audio: !!m.audio, video: !!m.video } : p)),
        });
        return;
      case 'chat.message':
        this.setChat(addMessage(s.chat, m as unknown as ChatMessage));
        return;
      case 'chat.edited':
        this.setChat(editMessage(s.chat, Number(m.seq), Number(m.messageSeq), String(m.text), String(m.at)));
        return;
      case 'chat.deleted':
        this.setChat(deleteMessage(s.chat, Number(m.seq), Number(m.messageSeq)));
        return;
      case 'chat.typing': {
        const name = s.participants.find((p) => p.id === m.from)?.name ?? '';
        this.update({ chat: setTyping(s.chat, String(m.from), name, !!m.typing) });
        return;
      }
      case 'chat.read':
        this.update({ chat: markRead(s.chat, String(m.from), Number(m.seq)) });
        return;
      case 'room.ended':
        this.update({ phase: 'ended' });
        return;
      case 'error':
        this.update({ notice: typeof m.message === 'string' ? m.message : String(m.code) });
        return;
    }
  }

  /** The newest page of chat history (after a reload, or on admission). */
  private async loadHistory(): Promise<void> {
    if (this.historyLoaded) return;
    this.historyLoaded = true;
    try {
      const page = await fetch(`/api/v1/rooms/${encodeURIComponent(this.answer.roomId)}/messages?limit=${kHistoryPage}`, {
        headers: { Authorization: `Bearer ${this.answer.roomToken}`, Accept: 'application/json' },
      });
      if (!page.ok) throw new Error(String(page.status));
      const body = (await page.json()) as ChatPage;
      this.setChat(addHistory(this.snapshot.chat, body.items, body.lastSeq));
    } catch {
      this.historyLoaded = false;
    }
  }

  private announceMedia(): void {
    const { audio, video } = this.snapshot;
    this.live.send({ type: 'call.media', audio, video });
  }

  // ---- reading and typing ----

  private onVisible = () => this.sendRead();

  private sendRead(): void {
    if (this.snapshot.phase !== 'call' || document.visibilityState !== 'visible') return;
    const seq = newestFromOthers(this.snapshot.chat, this.snapshot.me.id);
    if (seq > this.readSent) {
      this.readSent = seq;
      this.live.send({ type: 'chat.read', seq });
    }
  }

  typing(): void {
    const now = Date.now();
    if (now - this.typingSentAt > kTypingRepeatMs) {
      this.typingSentAt = now;
      this.live.send({ type: 'chat.typing', typing: true });
    }
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.stopTyping(), kTypingIdleMs);
  }

  private stopTyping(): void {
    window.clearTimeout(this.typingTimer);
    if (this.typingSentAt) {
      this.typingSentAt = 0;
      this.live.send({ type: 'chat.typing', typing: false });
    }
  }

  sendChat(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.stopTyping();
    this.live.send({ type: 'chat.send', text: trimmed, clientId: crypto.randomUUID() });
  }

  // ---- host controls ----

  admit(id: string): void {
    this.live.send({ type: 'lobby.admit', participantId: id });
  }

  deny(id: string): void {
    this.live.send({ type: 'lobby.deny', participantId: id });
  }

  endMeeting(): void {
    this.live.send({ type: 'room.end' });
  }

  // ---- own media ----

  setAudio(on: boolean): void {
    this.local?.getAudioTracks().forEach((tr) => (tr.enabled = on));
    this.update({ audio: on && !!this.local?.getAudioTracks().length });
    this.announceMedia();
  }

  setVideo(on: boolean): void {
    if (this.camera) this.camera.enabled = on;
    this.update({ video: on && !!this.camera });
    this.announceMedia();
  }

  /** The track shown in the own preview: the screen while sharing. */
  previewTrack(): MediaStreamTrack | null {
    return this.screen ?? this.camera;
  }

  async shareScreen(): Promise<void> {
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = display.getVideoTracks()[0];
    if (!track) return;
    track.onended = () => void this.stopSharing();
    this.screen = track;
    await this.mesh.setVideoOut(track);
    this.update({ sharing: true });
  }

  async stopSharing(): Promise<void> {
    if (!this.screen) return;
    this.screen.onended = null;
    this.screen.stop();
    this.screen = null;
    await this.mesh.setVideoOut(this.camera);
    this.update({ sharing: false });
  }

  /** Leaves the call (others see "left" at once); the page can join again. */
  hangUp(): void {
    this.live.send({ type: 'call.hangup' });
    this.update({ phase: 'left' });
    this.close();
  }

  close(): void {
    document.removeEventListener('visibilitychange', this.onVisible);
    window.clearTimeout(this.typingTimer);
    this.live.stop();
    this.mesh.close();
    this.screen?.stop();
  }
}
