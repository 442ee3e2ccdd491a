import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AppServices } from './services';
import type { OpenSession, ServerOnlySession } from '../session/session-service';
import { startPersonIndex, type PersonIndexFeed } from '../features/search/index-feed';
import { useSessionSync } from './session-sync';
import type { SyncStatus } from '../sync/status';

const ServicesContext = createContext<AppServices | null>(null);
const OpenSessionContext = createContext<OpenSession | null>(null);
const PersonIndexContext = createContext<PersonIndexFeed | null>(null);
/** Whoever is signed in, with or without a local case store. */
const SignedInContext = createContext<OpenSession | ServerOnlySession | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export function useSessionState() {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** Holds what exists only while a user's data is unlocked: the session and the person index. */
export function OpenSessionProvider({ session, children }: { session: OpenSession; children: ReactNode }) {
  const services = useServices();
  const [persons, setPersons] = useState<PersonIndexFeed | null>(null);
  useEffect(() => {
    const feed = startPersonIndex(session.db);
    setPersons(feed);
    return () => feed.stop();
  }, [session.db]);
  useSessionSync(session, services);
  if (!persons) return null;
  return (
    <SignedInContext.Provider value={session}>
      <OpenSessionContext.Provider value={session}>
        <PersonIndexProvider feed={persons}>{children}</PersonIndexProvider>
      </OpenSessionContext.Provider>
    </SignedInContext.Provider>
  );
}

/** An auditor's or administrator's session: no local store, no person index, no sync. */
export function ServerOnlySessionProvider({ session, children }: { session: ServerOnlySession; children: ReactNode }) {
  return <SignedInContext.Provider value={session}>{children}</SignedInContext.Provider>;
}

export function useSignedIn(): OpenSession | ServerOnlySession {
  const session = useContext(SignedInContext);
  if (!session) throw new Error('useSignedIn outside a session provider');
  return session;
}

/** The open case store's session, or null for users who see no case content. */
export function useCaseSession(): OpenSession | null {
  return useContext(OpenSessionContext);
}

export function useOpenSession(): OpenSession {
  const session = useContext(OpenSessionContext);
  if (!session) throw new Error('useOpenSession outside OpenSessionProvider');
  return session;
}

/** The search screen's index; provided on its own so the search benchmark can render the real screen over any index. */
export function PersonIndexProvider({ feed, children }: { feed: PersonIndexFeed; children: ReactNode }) {
  return <PersonIndexContext.Provider value={feed}>{children}</PersonIndexContext.Provider>;
}

export function usePersonIndex(): { feed: PersonIndexFeed; version: number; ready: boolean } {
  const feed = useContext(PersonIndexContext);
  if (!feed) throw new Error('usePersonIndex outside PersonIndexProvider');
  const version = useSyncExternalStore(feed.subscribe, feed.version);
  return { feed, version, ready: feed.ready() };
}

export function useSyncStatus(): SyncStatus {
  const { syncStatus } = useServices();
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get);
}
