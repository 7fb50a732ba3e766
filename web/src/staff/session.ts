// The signed-in staff member: loaded from /me (which also hands out the CSRF token).
import { api, ApiError, setCsrfToken } from '../lib/api';
import type { Me, Membership } from '../lib/types';

export async function loadMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/v1/me');
    setCsrfToken(me.csrfToken ?? null);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function login(email: string, password: string): Promise<Me> {
  const me = await api<Me>('POST', '/api/v1/auth/login', { email, password });
  setCsrfToken(me.csrfToken ?? null);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api('POST', '/api/v1/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export const isManager = (m: Membership) => m.role === 'owner' || m.role === 'manager';

export interface StaffContext {
  me: Me;
  membership: Membership;
  /** Base path of the business's staff API. */
  biz: string;
}
