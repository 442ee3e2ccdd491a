import { useState, type FormEvent } from 'react';
import { uiMessages } from '../../../shared/index';
import { useServices } from '../../app/context';
import type { SignInError } from '../../session/session-service';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { useTitle } from '../../ui/use-title';

const m = uiMessages.passwordChanged;

/** The server accepted a new password; the data on this device is still locked by the old one. */
export function PasswordChangedPage() {
  useTitle(m.title);
  const { session } = useServices();
  const [previous, setPrevious] = useState('');
  const [error, setError] = useState<SignInError | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await session.confirmPreviousPassword(previous));
  };

  return (
    <main id="main" className="login">
      <PageHeading>{m.title}</PageHeading>
      <p>{m.explanation}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={m.previousPassword}
          type="password"
          autoComplete="off"
          value={previous}
          onChange={(event) => setPrevious(event.target.value)}
          error={error?.message}
        />
        <button type="submit" className="primary">
          {m.submit}
        </button>
      </form>
      <p className="notice">{m.discardWarning}</p>
      <button type="button" onClick={() => void session.discardLocalData().then(setError)}>
        {m.discard}
      </button>
    </main>
  );
}
