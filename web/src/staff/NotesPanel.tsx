// A provider's private notes on a booking: loaded from and saved to the staff-only
// /bookings/{id}/note address (never part of what a client sees), shown in the booking's
// details and beside the call.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, enc } from '../lib/api';
import { formatDateTime } from '../lib/tz';
import { Alert, Field, ErrorMessage } from '../components/ui';
import { problemFieldText } from './problem_fields';

interface Note {
  text: string;
  updatedAt: string | null;
}

export function NotesPanel({ biz, bookingId, zone }: { biz: string; bookingId: string; zone: string }) {
  const url = `${biz}/bookings/${enc(bookingId)}/note`;
  const [note, setNote] = useState<Note | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    api<Note>('GET', url)
      .then((n) => {
        setNote(n);
        setText(n.text);
      })
      .catch(setError);
  }, [url]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const n = await api<Note>('PUT', url, { text });
      setNote(n);
    } catch (e) {
      setError(e);
      // Focus goes to what needs fixing, so the error is announced with its field.
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const fieldError = problemFieldText(error, 'text');
  return (
    <form
      class="notes"
      data-testid="booking-notes"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t.notesTitle} hint={t.notesHint} required={false} error={fieldError}>
        {({ id, describedBy, invalid }) => (
          <textarea
            ref={input}
            id={id}
            rows={4}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            disabled={note === null}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      {!fieldError && <ErrorMessage error={error} />}
      {note?.updatedAt && text === note.text && <Alert kind="success">{t.notesSaved(formatDateTime(note.updatedAt, zone, locale))}</Alert>}
      <div class="actions">
        <button type="submit" class="btn-secondary" disabled={busy || note === null || text === note.text}>
          {t.notesSave}
        </button>
      </div>
    </form>
  );
}
