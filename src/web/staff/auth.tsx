/**
 * Staff sign-in state for every staff screen (admin console, operator, back office…).
 * `<StaffAuthProvider>` asks GET /api/auth/me once and keeps `{ user, csrfToken }`; the API client then
 * sends the CSRF token on every mutating request. In a component:
 *   const { me, status, signIn, signOut } = useMe();
 *   hasRole(me, 'admin', 'catalog_editor') — whether the user holds any of the roles (on any scope).
 * `<StaffAuth />` is a layout route that provides the context to its child routes.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Outlet } from 'react-router';
import type { Me, Role } from '../../shared/auth.js';
import { ApiError, request, setCsrfToken } from '../app/api.js';

type Session = { user: Me; csrfToken: string };
export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

export type StaffAuth = {
  me: Me | null;
  status: AuthStatus;
  /** Signs in; throws ApiError (401 for any refused sign-in). */
  signIn: (login: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  /** Asks the server again (after a password change, or to retry). */
  refresh: () => Promise<void>;
};

const AuthContext = createContext<StaffAuth | null>(null);

export const staffApi = {
  me: (signal?: AbortSignal) => request<Session>('GET', '/api/auth/me', { signal }),
  login: (login: string, password: string) =>
    request<Session>('POST', '/api/auth/login', { body: { login, password } }),
  logout: () => request<null>('POST', '/api/auth/logout'),
};

export function StaffAuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');

  const accept = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setMe(session?.user ?? null);
    setStatus(session ? 'signed-in' : 'signed-out');
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    staffApi.me(controller.signal).then(
      (session) => accept(session),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) accept(null);
        else setStatus('error');
      },
    );
    return () => controller.abort();
  }, [accept]);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const session = await staffApi.login(login, password);
      accept(session);
      return session.user;
    },
    [accept],
  );
  const signOut = useCallback(async () => {
    try {
      await staffApi.logout();
    } finally {
      accept(null);
    }
  }, [accept]);
  const refresh = useCallback(async () => {
    try {
      accept(await staffApi.me());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) accept(null);
      else setStatus('error');
    }
  }, [accept]);

  const value = useMemo(
    () => ({ me, status, signIn, signOut, refresh }),
    [me, status, signIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Layout route: every child route shares one sign-in state. */
export function StaffAuth() {
  return (
    <StaffAuthProvider>
      <Outlet />
    </StaffAuthProvider>
  );
}

export function useMe(): StaffAuth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useMe() used outside <StaffAuthProvider>');
  return value;
}

export function hasRole(me: Me | null, ...roles: Role[]): boolean {
  return !!me && me.grants.some((grant) => roles.includes(grant.role));
}

/** The offices a role is granted on by an offices scope (a district or region scope gives none here). */
export function scopedOffices(me: Me | null, role: Role): string[] {
  if (!me) return [];
  return me.grants.flatMap((g) => (g.role === role && g.scope.kind === 'offices' ? g.scope.offices : []));
}
