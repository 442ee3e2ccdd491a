import { useState, type FormEvent } from 'react';
import { uiMessages } from '../../../shared/index';
import { useServices } from '../../app/context';
import { devicePatterns } from '../../device/device-records';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { useTitle } from '../../ui/use-title';

const m = uiMessages.deviceSetup;

/** The server requires registered devices: IT enters the identity it registered for this one. */
export function DeviceSetupPage({ message }: { message?: string }) {
  useTitle(m.title);
  const { session, records } = useServices();
  const [id, setId] = useState(records.identity().id);
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<{ id?: string; token?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...(!devicePatterns.id.test(id.trim()) && { id: m.invalidId }),
      ...(!devicePatterns.token.test(token.trim()) && { token: m.invalidToken }),
    };
    setErrors(next);
    if (!next.id && !next.token) session.registerDevice(id.trim(), token.trim());
  };

  return (
    <main id="main" className="login">
      <PageHeading>{m.title}</PageHeading>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <p>{m.explanation}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={m.deviceId} value={id} onChange={(event) => setId(event.target.value)} error={errors.id} autoCapitalize="none" spellCheck={false} />
        <TextField label={m.deviceToken} value={token} onChange={(event) => setToken(event.target.value)} error={errors.token} autoCapitalize="none" spellCheck={false} autoComplete="off" />
        <button type="submit" className="primary">
          {m.submit}
        </button>
      </form>
    </main>
  );
}
