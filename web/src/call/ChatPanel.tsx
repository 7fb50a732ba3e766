// The room's chat: messages as plain text (never HTML), who is typing, and "Read" on own
// messages once someone else has read them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { isReadByOthers } from './chat';
import type { RoomSession, Snapshot } from './session';

const kMaxLength = 2000;

export function ChatPanel({ session, snap }: { session: RoomSession; snap: Snapshot }) {
  const { chat, me } = snap;
  const [draft, setDraft] = useState('');
  const logRef = useRef<HTMLOListElement>(null);
  const last = chat.messages[chat.messages.length - 1]?.seq ?? 0;
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [last]);

  const send = () => {
    if (!draft.trim()) return;
    session.sendChat(draft);
    setDraft('');
  };
  const typingNames = Object.entries(chat.typing)
    .filter(([id]) => id !== me.id)
    .map(([, name]) => name);
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });

  return (
    <section class="chat card" aria-labelledby="chat-h">
      <h2 id="chat-h">{t.chatTitle}</h2>
      <ol class="chat-log" ref={logRef} tabIndex={0} aria-label={t.chatLog} aria-live="polite" aria-relevant="additions">
        {chat.messages.map((m) => {
          const mine = m.from === me.id;
          const read = mine && isReadByOthers(chat, m);
          return (
            <li key={m.seq} class={mine ? 'chat-msg chat-mine' : 'chat-msg'} data-seq={m.seq} data-mine={mine ? 'true' : 'false'} data-read={read ? 'true' : 'false'}>
              <p class="chat-meta">
                <span class="chat-who">{mine ? t.you : m.name}</span>{' '}
                <time dateTime={m.at}>{time.format(new Date(m.at))}</time>
                {m.editedAt && !m.deleted && <span class="muted"> {t.editedMark}</span>}
              </p>
              <p class="chat-text">{m.deleted ? <em class="muted">{t.deletedMessage}</em> : m.text}</p>
              {mine && <p class="chat-receipt">{read ? t.read : t.sent}</p>}
            </li>
          );
        })}
      </ol>
      {!chat.messages.length && <p class="muted">{t.chatEmpty}</p>}
      <p class="typing" aria-live="polite">
        {typingNames.length ? t.isTyping(typingNames) : ''}
      </p>
      <form
        class="chat-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label for="chat-input">{t.messageLabel}</label>
        <p class="hint" id="chat-hint">
          {t.messageHint}
        </p>
        <textarea
          id="chat-input"
          rows={2}
          maxLength={kMaxLength}
          aria-describedby="chat-hint"
          value={draft}
          disabled={snap.phase !== 'call'}
          onInput={(e) => {
            setDraft((e.target as HTMLTextAreaElement).value);
            session.typing();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" class="btn-primary" disabled={!draft.trim() || snap.phase !== 'call'}>
          {t.send}
        </button>
      </form>
    </section>
  );
}
