/**
 * Staff sign-in state for every staff screen (admin console, operator, back office…).
 * `<StaffAuthProvider>` reads GET /api/auth/me as a query (a 401 reads as signed out) and keeps
 * `{ user, csrfToken }` in the query cache; the API client then sends the CSRF token on every mutating
 * request. Signing in or out replaces the cached session and drops the admin console's cached data. In a component:
 *   const { me, status, signIn, signOut } = useMe();
 *   hasRole(me, 'admin', 'catalog_editor') — whether the user holds any of the roles (on any scope).
 * `<StaffAuth />` is a layout route that provides the context to its child routes.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { Outlet } from 'react-router';
import type { Me, Role, Session } from '../../shared/auth.js';
import { ApiError, request, setCsrfToken } from '../app/api.js';
import { queryKeys } from '../app/query-keys.js';

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
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<null>('POST', '/api/auth/password', { body }),
};

/** The session as a query: a 401 is an answer (signed out, null), not an error. */
const sessionQuery = {
  queryKey: queryKeys.staff.session(),
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Session | null> => {
    try {
      const session = await staffApi.me(signal);
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
};

export function StaffAuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery(sessionQuery);

  const accept = useCallback(
    (next: Session | null) => {
      setCsrfToken(next?.csrfToken ?? null);
      // another account's admin data must not be shown from the cache
      if (!next) {
        client.removeQueries({ queryKey: queryKeys.admin.all });
        client.removeQueries({ queryKey: queryKeys.callcenter.all });
        client.removeQueries({ queryKey: queryKeys.queue.all });
        client.removeQueries({ queryKey: queryKeys.cases.all });
        client.removeQueries({ queryKey: queryKeys.analytics.all });
        client.removeQueries({ queryKey: queryKeys.quality.all });
      }
      client.setQueryData(queryKeys.staff.session(), next);
    },
    [client],
  );
  const signIn = useCallback(
    async (login: string, password: string) => {
      const next = await staffApi.login(login, password);
      client.removeQueries({ queryKey: queryKeys.admin.all });
      client.removeQueries({ queryKey: queryKeys.callcenter.all });
      client.removeQueries({ queryKey: queryKeys.queue.all });
      client.removeQueries({ queryKey: queryKeys.cases.all });
      client.removeQueries({ queryKey: queryKeys.analytics.all });
      client.removeQueries({ queryKey: queryKeys.quality.all });
      accept(next);
      return next.user;
    },
    [accept, client],
  );
  const signOut = useCallback(async () => {
    try {
      await staffApi.logout();
    } finally {
      accept(null);
    }
  }, [accept]);
  const { refetch } = session;
  const refresh = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const status: AuthStatus = session.isPending
    ? 'loading'
    : session.isError && session.data === undefined
      ? 'error'
      : session.data
        ? 'signed-in'
        : 'signed-out';
  const me = session.data?.user ?? null;
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
