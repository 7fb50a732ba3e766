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

/** Whether every problem of a refusal is shown next to a field of the form (`shown` says which
 * fields the form shows); if not, the form shows the problem as a whole too, so none is lost. */
export function namesFields(e: unknown, shown: (field: string) => boolean): boolean {
  const errors = e instanceof ApiError ? (e.problem.errors ?? []) : [];
  return errors.length > 0 && errors.every((f) => shown(f.field));
}

/** After a failed submit (once the problem is rendered): focus the first field the server
 * named (fields in error carry aria-invalid), else the form's alert, so the reason is read out. */
export function focusFirstProblem(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid=true], .alert-error');
    if (first && !first.hasAttribute('tabindex') && first.classList.contains('alert-error')) first.tabIndex = -1;
    first?.focus();
  });
}
