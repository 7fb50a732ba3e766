// Chat state of one room, as a pure reducer: messages ordered by seq (history from REST and
// live or replayed events merge without duplicates), the highest seq seen (sent as lastSeq on
// reconnect), who is typing, and how far each participant has read (read receipts).
import type { ChatMessage } from './protocol';

export interface ChatState {
  messages: ChatMessage[];
  lastSeq: number;
  /** participantId → highest seq that participant has read. */
  readBy: Record<string, number>;
  /** participantId → name, for everyone typing now. */
  typing: Record<string, string>;
}

export const emptyChat: ChatState = { messages: [], lastSeq: 0, readBy: {}, typing: {} };

function upsert(messages: ChatMessage[], m: ChatMessage): ChatMessage[] {
  const i = messages.findIndex((x) => x.seq === m.seq);
  if (i >= 0) {
    const copy = messages.slice();
    copy[i] = { ...copy[i], ...m };
    return copy;
  }
  const out = [...messages, m];
  // Usually appended in order; history pages arrive older-first after newer live events.
  if (messages.length && messages[messages.length - 1].seq > m.seq) out.sort((a, b) => a.seq - b.seq);
  return out;
}

const seen = (s: ChatState, seq: number) => Math.max(s.lastSeq, seq);

/** A chat.message event (live or replayed) or a message of the history page. */
export function addMessage(s: ChatState, m: ChatMessage): ChatState {
  const { [m.from]: _stoppedTyping, ...typing } = s.typing;
  const msg: ChatMessage = { seq: m.seq, from: m.from, name: m.name, text: m.text, at: m.at, clientId: m.clientId };
  if (m.editedAt) msg.editedAt = m.editedAt;
  if (m.deleted) msg.deleted = true;
  return { ...s, messages: upsert(s.messages, msg), lastSeq: seen(s, m.seq), typing };
}

export function addHistory(s: ChatState, items: ChatMessage[], roomLastSeq: number): ChatState {
  let out = s;
  for (const m of items) out = addMessage(out, m);
  // History ends at the room's latest seq (edits and deletes count too).
  return { ...out, lastSeq: Math.max(out.lastSeq, roomLastSeq) };
}

export function editMessage(s: ChatState, seq: number, messageSeq: number, text: string, at: string): ChatState {
  return {
    ...s,
    lastSeq: seen(s, seq),
    messages: s.messages.map((m) => (m.seq === messageSeq ? { ...m, text, editedAt: at } : m)),
  };
}

export function deleteMessage(s: ChatState, seq: number, messageSeq: number): ChatState {
  return {
    ...s,
    lastSeq: seen(s, seq),
    messages: s.messages.map((m) => (m.seq === messageSeq ? { ...m, text: '', deleted: true } : m)),
  };
}

export function setTyping(s: ChatState, from: string, name: string, typing: boolean): ChatState {
  const { [from]: _old, ...rest } = s.typing;
  return { ...s, typing: typing ? { ...rest, [from]: name } : rest };
}

export function markRead(s: ChatState, from: string, seq: number): ChatState {
  if ((s.readBy[from] ?? 0) >= seq) return s;
  return { ...s, readBy: { ...s.readBy, [from]: seq } };
}

/** Someone left: they no longer type. */
export function forget(s: ChatState, participantId: string): ChatState {
  return setTyping(s, participantId, '', false);
}

/** Whether anyone but the author has read message `m`. */
export function isReadByOthers(s: ChatState, m: ChatMessage): boolean {
  return Object.entries(s.readBy).some(([who, seq]) => who !== m.from && seq >= m.seq);
}

/** The newest message written by someone else: what this client reports as read. */
export function newestFromOthers(s: ChatState, me: string): number {
  for (let i = s.messages.length - 1; i >= 0; i--) if (s.messages[i].from !== me) return s.messages[i].seq;
  return 0;
}
