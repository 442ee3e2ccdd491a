import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { adminMessages, format, type AccessAction } from '../../shared/index';
import { ApiFailure } from '../api/client';
import { useBrowserOnline } from '../features/login/use-browser-online';
import { PageHeading } from '../ui/PageHeading';
import { useTitle } from '../ui/use-title';
import { useServices, useSignedIn } from './context';
import { landingPath, may } from './navigation';

// What the screens that read only the server (audit log, statistics, users, devices)
// share: who may open them, what they say offline, and how a server's refusal reaches
// the field it names.

const m = adminMessages.common;

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Calls the server as the signed-in user; an ended session returns the app to the sign-in screen. */
export function useServerApi(): <T>(method: ApiMethod, path: string, body?: unknown) => Promise<T> {
  const { api, session } = useServices();
  return useCallback(
    async <T,>(method: ApiMethod, path: string, body?: unknown): Promise<T> => {
      try {
        return await api.request<T>(method, path, body);
      } catch (error) {
        if (error instanceof ApiFailure && error.kind === 'sessionExpired') void session.lock('sessionExpired');
        throw error;
      }
    },
    [api, session],
  );
}

/** The sentence a screen shows for a failed call: offline said plainly, else the server's own words. */
export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.kind === 'unreachable') return m.offline;
    return error.serverMessage ?? format(m.serverError, { message: error.kind });
  }
  return format(m.serverError, { message: String(error) });
}

/** The server's complaints per field (`from`, `displayName`, `centers/0` → `centers`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiFailure)) return {};
  const errors: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const key = field.split('/')[0] ?? field;
    errors[key] ??= message;
  }
  return errors;
}

export function ForbiddenPage() {
  useTitle(m.forbiddenTitle);
  const user = useSignedIn().user;
  return (
    <div>
      <PageHeading>{m.forbiddenTitle}</PageHeading>
      <p role="alert">{m.forbidden}</p>
      <Link to={landingPath(user)}>{m.toLanding}</Link>
    </div>
  );
}

/** Says, above a server screen, that it works online only — and that the network is gone when it is. */
export function OnlineOnlyNotice() {
  const online = useBrowserOnline();
  return online ? (
    <p className="field-hint">{m.onlineOnly}</p>
  ) : (
    <p className="notice notice-offline" role="status">
      {m.offline}
    </p>
  );
}

/**
 * Opens a server screen for users the policy lets do `action`; refuses others in words.
 * A case worker's offline unlock holds no server session, so such a screen cannot work.
 */
export function RequireServerAccess({ action, children }: { action: AccessAction; children: ReactNode }) {
  const session = useSignedIn();
  if (!may(session.user, action)) return <ForbiddenPage />;
  if (!session.online || session.token === undefined) {
    return (
      <div>
        <PageHeading>{m.forbiddenTitle}</PageHeading>
        <p role="alert">{m.offlineSession}</p>
      </div>
    );
  }
  return children;
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string; fields: Record<string, string> };

/** One GET of a server screen, again whenever `reload` is called (after a change, or once back online). */
export function useServerData<T>(path: string | null): { loaded: Loaded<T>; reload: () => void } {
  const call = useServerApi();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    // Asking again for the same thing keeps it on screen; asking for something else must not show the old answer.
    const same = shown.current === path;
    shown.current = path;
    setLoaded((previous) => (same && previous.state === 'ready' ? previous : { state: 'loading' }));
    call<T>('GET', path).then(
      (data) => live && setLoaded({ state: 'ready', data }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: failureText(error), fields: fieldErrorsOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [call, path, version]);
  return { loaded, reload: useCallback(() => setVersion((v) => v + 1), []) };
}

/** What a server screen shows while it loads or after its read failed, with a way to try again. */
export function LoadState({ loaded, reload }: { loaded: Loaded<unknown>; reload: () => void }) {
  if (loaded.state === 'loading') return <p role="status">{m.loading}</p>;
  if (loaded.state === 'failed') {
    return (
      <div className="notice" role="alert">
        <p>{loaded.message}</p>
        <button type="button" onClick={reload}>
          {m.reload}
        </button>
      </div>
    );
  }
  return null;
}
