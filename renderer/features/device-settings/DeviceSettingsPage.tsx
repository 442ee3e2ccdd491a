import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { format, uiMessages } from '../../../shared/index';
import { useServices } from '../../app/context';
import { idleMinutesRange, isIdleMinutes } from '../../device/device-records';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { useTitle } from '../../ui/use-title';

const m = uiMessages.deviceSettings;

/** This device's own settings: how long it waits without input before it locks. */
export function DeviceSettingsPage() {
  useTitle(m.title);
  const { settings, records } = useServices();
  const current = useSyncExternalStore(settings.subscribe, settings.get);
  const [idle, setIdle] = useState(String(current.idleMinutes));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(idle.normalize('NFKC').trim());
    if (idle.trim() === '' || !isIdleMinutes(minutes)) {
      setError(format(m.idleMinutesInvalid, idleMinutesRange));
      setSaved(false);
      return;
    }
    settings.set({ ...current, idleMinutes: minutes });
    setError(undefined);
    setSaved(true);
  };

  return (
    <div className="device-settings">
      <PageHeading>{m.title}</PageHeading>
      <form onSubmit={submit} noValidate>
        <TextField
          label={m.idleMinutes}
          hint={format(m.idleMinutesHint, idleMinutesRange)}
          inputMode="numeric"
          value={idle}
          onChange={(event) => {
            setIdle(event.target.value);
            setSaved(false);
          }}
          error={error}
        />
        <button type="submit" className="primary">
          {m.save}
        </button>
        <p role="status">{saved ? m.saved : ''}</p>
      </form>
      <h2>{m.deviceHeading}</h2>
      <dl className="fields">
        <div className="field-row">
          <dt>{m.deviceId}</dt>
          <dd className="code">{records.identity().id}</dd>
        </div>
      </dl>
    </div>
  );
}
