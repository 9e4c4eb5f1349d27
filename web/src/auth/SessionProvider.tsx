import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth.ts';
import { onUnauthenticated } from '../api/client.ts';
import type { User } from '../api/types.ts';

export type SessionStatus = 'loading' | 'anonymous' | 'signedIn';

export interface Session {
  status: SessionStatus;
  user: User | null;
  /** Leave for the provider's sign-in page; come back to `next`. */
  signIn(next: string): void;
  /** End the session; resolves with the provider's logout URL to visit, if any. */
  signOut(): Promise<string | null>;
}

export const SessionContext = createContext<Session | null>(null);

/** Who is signed in, from GET /api/auth/me; any 401 UNAUTHENTICATED later ends the session. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');

  useEffect(() => {
    let live = true;
    authApi
      .me()
      .then((u) => {
        if (!live) return;
        setUser(u);
        setStatus('signedIn');
      })
      .catch(() => {
        if (!live) return;
        setUser(null);
        setStatus('anonymous');
      });
    const stop = onUnauthenticated(() => {
      setUser(null);
      setStatus('anonymous');
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const signIn = useCallback((next: string) => {
    window.location.assign(authApi.signInUrl(next));
  }, []);

  const signOut = useCallback(async () => {
    try {
      return await authApi.logout();
    } finally {
      setUser(null);
      setStatus('anonymous');
    }
  }, []);

  const value = useMemo<Session>(() => ({ status, user, signIn, signOut }), [status, user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
