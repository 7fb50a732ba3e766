// The clinic's public face (GET /api/v1/public/businesses/{slug}/profile): logo, accent
// colour, contact, policy and the words on services and providers. Consumer pages set the
// current brand; the site header and document title follow it, so a consumer never sees
// the server's own name.
import { useEffect, useState } from 'preact/hooks';
import { api, enc } from './api';
import type { Price, Profile } from './types';

export type { Price, Profile };

/** What the header shows: a clinic (consumer pages), the app (staff), or nothing yet. */
export type Brand = { kind: 'clinic'; profile: Profile; slug: string } | { kind: 'app' } | { kind: 'pending' };

let current: Brand = { kind: 'app' };
const listeners = new Set<() => void>();

export function setBrand(b: Brand): void {
  if (b.kind !== 'clinic' && current.kind === b.kind) return;
  current = b;
  applyAccent(b.kind === 'clinic' ? b.profile.accentColor : '');
  listeners.forEach((l) => l());
}

export function useBrand(): Brand {
  const [b, setB] = useState(current);
  useEffect(() => {
    const l = () => setB(current);
    listeners.add(l);
    l();
    return () => {
      listeners.delete(l);
    };
  }, []);
  return b;
}

/** Consumer routes call this while rendering: no app name may flash before the clinic's. */
export function enterConsumerPage(): void {
  if (current.kind === 'app') setBrand({ kind: 'pending' });
}

/** The page title's suffix: the clinic's name, nothing while it loads, or the app's (null). */
export function brandName(): string | null {
  return current.kind === 'clinic' ? current.profile.name : current.kind === 'pending' ? '' : null;
}

const cache = new Map<string, Promise<Profile>>();

export function fetchProfile(slug: string, fresh = false): Promise<Profile> {
  if (fresh || !cache.has(slug)) cache.set(slug, api<Profile>('GET', `/api/v1/public/businesses/${enc(slug)}/profile`));
  return cache.get(slug)!;
}

/**
 * A consumer page's brand: loads the profile and puts it in the header. A missing profile
 * (an older server, a network hiccup) leaves the page working with the clinic's name only.
 */
export function useClinicBrand(slug: string | undefined, fallbackName?: string): Profile | null {
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    if (!slug) {
      if (fallbackName) setBrand({ kind: 'clinic', slug: '', profile: emptyProfile(fallbackName) });
      return;
    }
    setBrand({ kind: 'pending' });
    let live = true;
    fetchProfile(slug)
      .then((p) => {
        if (!live) return;
        setProfile(p);
        setBrand({ kind: 'clinic', slug, profile: p });
      })
      .catch(() => {
        if (live && fallbackName) setBrand({ kind: 'clinic', slug, profile: emptyProfile(fallbackName) });
      });
    return () => {
      live = false;
    };
  }, [slug, fallbackName]);
  return profile;
}

export function emptyProfile(name: string): Profile {
  return {
    name,
    description: '',
    contact: { phone: '', email: '', address: '' },
    accentColor: '',
    logoUrl: null,
    policy: { cancelCutoffHours: 0, rescheduleCutoffHours: 0 },
    services: [],
    providers: [],
  };
}

export function hasContact(p: Profile | null): boolean {
  return !!p && !!(p.contact.phone || p.contact.email || p.contact.address);
}

// ---- accent colour -----------------------------------------------------------------

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Mixes a colour towards black (amount > 0) or white (amount < 0). */
function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const target = amount > 0 ? 0 : 255;
  const a = Math.abs(amount);
  const mix = (v: number) => Math.round(v + (target - v) * a);
  const r = mix((n >> 16) & 255), g = mix((n >> 8) & 255), bl = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | bl).toString(16).slice(1)}`;
}

/**
 * The clinic's colour for buttons and accents, adjusted until white text on it and the
 * colour on the page background both reach 4.5:1 (WCAG AA), whatever the manager chose.
 */
export function readableAccent(hex: string, background: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return '';
  const darkBg = luminance(background) < 0.2;
  let c = hex.toLowerCase();
  for (let i = 0; i < 20; i++) {
    const onText = contrast(c, darkBg ? '#000000' : '#ffffff');
    const onPage = contrast(c, background);
    if (onText >= 4.5 && onPage >= 4.5) return c;
    c = shade(c, darkBg ? -0.1 : 0.1);
  }
  return c;
}

// The softest backgrounds the accent is drawn on (--primary-soft), the strictest test.
const kLightBg = '#e3ecf8';
const kDarkBg = '#1d2a3a';

function applyAccent(color: string): void {
  const root = document.documentElement.style;
  if (!color) {
    root.removeProperty('--accent-light');
    root.removeProperty('--accent-dark');
    return;
  }
  // CSSOM, not a style attribute: allowed under the app's CSP (style-src 'self').
  root.setProperty('--accent-light', readableAccent(color, kLightBg));
  root.setProperty('--accent-dark', readableAccent(color, kDarkBg));
}
