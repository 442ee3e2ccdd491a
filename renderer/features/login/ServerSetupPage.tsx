import { useState, type FormEvent } from 'react';
import { uiMessages } from '../../../shared/index';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { useTitle } from '../../ui/use-title';

const m = uiMessages.serverSetup;

/** Electron only: the server URL is set once per device through the desktop bridge, which reloads the window. */
export function ServerSetupPage() {
  useTitle(m.title);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const desktop = window.kizuna;
    if (!desktop) return;
    const result = await desktop.setServerUrl(url.trim());
    if (!result.ok) setError(result.message);
  };

  return (
    <main id="main" className="login">
      <PageHeading>{m.title}</PageHeading>
      <p>{m.explanation}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={m.serverUrl} type="url" inputMode="url" value={url} onChange={(event) => setUrl(event.target.value)} error={error} autoFocus />
        <button type="submit" className="primary">
          {m.submit}
        </button>
      </form>
    </main>
  );
}
