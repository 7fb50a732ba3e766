// Small accessible building blocks: page heading focus, labelled fields with hints and
// errors tied by aria-describedby, status and alert regions.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../i18n';
import { navigate } from '../lib/router';
import { brandName, useBrand } from '../lib/brand';

function titleWith(title: string): string {
  const suffix = brandName();
  return suffix === null ? `${title} · ${t.appName}` : suffix ? `${title} · ${suffix}` : title;
}

let idCounter = 0;
export function useId(prefix = 'f'): string {
  const ref = useRef<string>();
  if (!ref.current) ref.current = `${prefix}-${++idCounter}`;
  return ref.current;
}

/** A page's main heading; it takes focus when the page opens so screen readers announce it. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const brand = useBrand();
  useEffect(() => {
    document.title = titleWith(title);
  }, [title, brand]);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ComponentChildren;
}

export function Field({ label, hint, error, required, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>
        {label}
        {required === false && <span class="muted"> {t.optional}</span>}
      </label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errId}>
          {error}
        </p>
      )}
      {children({ id, describedBy, invalid: !!error })}
    </div>
  );
}

type InputProps = {
  type?: string;
  name?: string;
  autoComplete?: string;
  required?: boolean;
  min?: string;
  max?: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onValue: (v: string) => void;
};

export function TextField({ label, hint, error, value, onValue, required, ...rest }: InputProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          value={value}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => onValue((e.target as HTMLInputElement).value)}
          {...rest}
        />
      )}
    </Field>
  );
}

export function Alert({ children, kind = 'error' }: { children: ComponentChildren; kind?: 'error' | 'info' | 'success' }) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ label = t.loading }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** A human message for an API failure. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t.networkError;
    if (e.status === 429) return t.rateLimited;
    if (e.status === 403) return e.problem.detail || t.forbidden;
    return e.problem.detail || e.problem.title || t.errorTitle;
  }
  return t.errorTitle;
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert>{errorText(error)}</Alert>;
}

/** A list of a form's errors at its top; it takes focus so the problems are announced. */
export function ErrorSummary({ errors }: { errors: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <p>{t.fixErrors(errors.length)}</p>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

export function Link({ href, children, class: cls, current }: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return (
    <a
      href={href}
      class={cls}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
