// A server problem's message for one field, as a sentence to show next to that field
// ("must be at most 10000 characters" -> "Must be at most 10000 characters.").
import { ApiError } from '../lib/api';

export function asSentence(message: string): string {
  const m = message.trim();
  if (!m) return m;
  const first = m.charAt(0).toLocaleUpperCase();
  return first + m.slice(1) + (/[.!?]$/.test(m) ? '' : '.');
}

export function problemFieldText(e: unknown, field: string): string | undefined {
  if (!(e instanceof ApiError)) return undefined;
  const m = e.fieldError(field);
  return m === undefined ? undefined : asSentence(m);
}
