// The room chat's state: history and live events merge by seq without duplicates, edits and
// deletes apply, typing stops with a message, read receipts count only other readers.
import { describe, expect, it } from 'vitest';
import {
  addHistory,
  addMessage,
  deleteMessage,
  editMessage,
  emptyChat,
  isReadByOthers,
  markRead,
  newestFromOthers,
  setTyping,
} from '../src/call/chat';
import { isPolite } from '../src/call/mesh';
import type { ChatMessage } from '../src/call/protocol';

const msg = (seq: number, from = 'guest-1', text = `m${seq}`): ChatMessage => ({ seq, from, name: from, text, at: '2026-06-10T10:00:00Z' });

describe('chat state', () => {
  it('merges a history page with live and replayed events in seq order, once each', () => {
    let s = addMessage(emptyChat, msg(5));
    s = addMessage(s, msg(5)); // replayed after a reconnect
    s = addHistory(s, [msg(4), msg(2), msg(1)], 5);
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 4, 5]);
    expect(s.lastSeq).toBe(5);
  });

  it('counts edits and deletes as seen seqs and applies them to the message', () => {
    let s = addMessage(emptyChat, msg(1));
    s = editMessage(s, 2, 1, 'fixed', '2026-06-10T10:01:00Z');
    expect(s.messages[0]).toMatchObject({ text: 'fixed', editedAt: '2026-06-10T10:01:00Z' });
    s = deleteMessage(s, 3, 1);
    expect(s.messages[0]).toMatchObject({ text: '', deleted: true });
    expect(s.lastSeq).toBe(3);
  });

  it('history reports the room seq even when the newest events were edits', () => {
    expect(addHistory(emptyChat, [msg(1)], 7).lastSeq).toBe(7);
  });

  it('a message ends its author typing', () => {
    let s = setTyping(emptyChat, 'guest-1', 'Sam', true);
    expect(s.typing).toEqual({ 'guest-1': 'Sam' });
    s = addMessage(s, msg(1, 'guest-1'));
    expect(s.typing).toEqual({});
  });

  it('a message is read once someone other than its author read up to it', () => {
    let s = addMessage(addMessage(emptyChat, msg(1, 'host-1')), msg(2, 'host-1'));
    s = markRead(s, 'host-1', 2); // the author's own read does not count
    expect(isReadByOthers(s, s.messages[0])).toBe(false);
    s = markRead(s, 'guest-1', 1);
    expect(isReadByOthers(s, s.messages[0])).toBe(true);
    expect(isReadByOthers(s, s.messages[1])).toBe(false);
    expect(markRead(s, 'guest-1', 0)).toBe(s); // receipts never go backwards
  });

  it('reports the newest message of others as read', () => {
    const s = addMessage(addMessage(addMessage(emptyChat, msg(1, 'a')), msg(2, 'b')), msg(3, 'a'));
    expect(newestFromOthers(s, 'a')).toBe(2);
    expect(newestFromOthers(s, 'b')).toBe(3);
    expect(newestFromOthers(emptyChat, 'a')).toBe(0);
  });
});

describe('perfect negotiation roles', () => {
  it('makes the guest the polite side, and exactly one of two equals', () => {
    expect(isPolite({ id: 'g', role: 'guest' }, { id: 'h', role: 'host' })).toBe(true);
    expect(isPolite({ id: 'h', role: 'host' }, { id: 'g', role: 'guest' })).toBe(false);
    const a = { id: 'u1', role: 'host' as const };
    const b = { id: 'u2', role: 'host' as const };
    expect(isPolite(a, b)).not.toBe(isPolite(b, a));
  });
});
