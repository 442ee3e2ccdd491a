import { useState, type FormEvent } from 'react';
import { format, uiMessages } from '../../../shared/index';
import { useServices } from '../../app/context';
import type { Notice, SignInError } from '../../session/session-service';
import { defaultLeaseDays } from '../../device/device-records';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { useTitle } from '../../ui/use-title';
import { useBrowserOnline } from './use-browser-online';

const m = uiMessages.login;

function noticeText(notice: Notice | undefined, leaseDays: number): string | undefined {
  switch (notice) {
    case 'idleLocked':
      return m.idleLocked;
    case 'signedOut':
      return m.signedOut;
    case 'deviceWiped':
      return m.deviceWiped;
    case 'leaseExpired':
      return format(m.leaseExpired, { days: leaseDays });
    case 'clockBehind':
      return m.clockBehind;
    case 'sessionExpired':
      return m.sessionExpired;
    case 'reconnect':
      return m.reconnect;
    case undefined:
      return undefined;
  }
}

export function LoginPage({ notice, lastUserId, working }: { notice?: Notice; lastUserId?: string; working: boolean }) {
  useTitle(m.title);
  const { session, serverUrl, records } = useServices();
  const online = useBrowserOnline();
  const [userId, setUserId] = useState(lastUserId ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SignInError | undefined>();
  const leaseDays = (lastUserId && records.localUser(lastUserId)?.leaseDays) || defaultLeaseDays;
  const noticeMessage = noticeText(notice, leaseDays);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const failure = await session.signIn(userId.trim(), password);
    if (failure) {
      setError(failure);
      setPassword('');
    }
  };

  return (
    <main id="main" className="login">
      <PageHeading focusOnMount={false}>{m.heading}</PageHeading>
      {noticeMessage && (
        <p className="notice" role="status">
          {noticeMessage}
        </p>
      )}
      {!online && <p className="notice notice-offline">{m.offlineHint}</p>}
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={working}>
        <TextField
          label={m.userId}
          name="userId"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          error={error?.field === 'userId' ? error.message : undefined}
          autoFocus={!lastUserId}
        />
        <TextField
          label={m.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={error?.field === 'password' ? error.message : undefined}
          autoFocus={Boolean(lastUserId)}
        />
        {error && !error.field && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        {error?.field && (
          <p className="visually-hidden" role="alert">
            {error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={working}>
          {working ? m.working : m.submit}
        </button>
      </form>
      <p className="server-origin">{format(m.server, { url: serverUrl })}</p>
    </main>
  );
}
