import { useEffect, useRef, useState, type FormEvent } from 'react';
import { adminMessages, allScopeCenters, centerName, format, type Device } from '../../../shared/index';
import { failureText, fieldErrorsOf, LoadState, OnlineOnlyNotice, useServerApi, useServerData } from '../../app/server-screen';
import { DataTable, type Column } from '../../ui/DataTable';
import { localDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { ChoiceField, SelectField, TextInputField } from '../case-work/fields';
import { Confirm } from '../admin-users/UserFormPage';
import '../case-work/case-work.css';
import '../audit-log/audit-log.css';

const m = adminMessages.devices;
const none = adminMessages.common.none;

/** A device as GET /api/devices lists it: never its token's hash. */
export type ListedDevice = Omit<Device, 'tokenHash'>;

interface Registered {
  device: ListedDevice;
  token: string;
  header: string;
}

type Kind = 'pc' | 'tablet';
interface RegisterForm {
  name: string;
  kind: Kind;
  centerId: string;
  id: string;
}
const emptyForm: RegisterForm = { name: '', kind: 'pc', centerId: '', id: '' };

const kindOptions = (['pc', 'tablet'] as const).map((kind) => ({ value: kind, label: m.kinds[kind] }));
const centerOptions = [{ value: '', label: m.noCenter }, ...allScopeCenters.map((id) => ({ value: id, label: centerName(id) }))];

/** 端末管理: the registered PCs and tablets, registering one (its token shown once), revoking one. */
export function DevicesPage() {
  useTitle(m.title);
  const call = useServerApi();
  const { loaded, reload } = useServerData<{ items: ListedDevice[] }>('/api/devices');
  const [form, setForm] = useState<RegisterForm>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [registered, setRegistered] = useState<Registered>();
  const [confirming, setConfirming] = useState<ListedDevice>();
  const [status, setStatus] = useState('');
  const [working, setWorking] = useState(false);

  const register = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setStatus('');
    try {
      const body = { name: form.name.trim(), kind: form.kind, ...(form.centerId && { centerId: form.centerId }), ...(form.id.trim() && { id: form.id.trim() }) };
      setRegistered(await call<Registered>('POST', '/api/devices', body));
      setForm(emptyForm);
      setErrors({});
      setFailure(undefined);
      reload();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(failureText(error));
    } finally {
      setWorking(false);
    }
  };

  const revoke = async (device: ListedDevice) => {
    setWorking(true);
    try {
      await call('POST', `/api/devices/${encodeURIComponent(device.id)}/revoke`);
      setStatus(format(m.revoked, { name: device.name, id: device.id }));
      setFailure(undefined);
      reload();
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setConfirming(undefined);
      setWorking(false);
    }
  };

  const columns: readonly [Column<ListedDevice>, ...Column<ListedDevice>[]] = [
    { header: m.columns.id, cell: (d) => <span className="code">{d.id}</span> },
    { header: m.columns.name, cell: (d) => d.name },
    { header: m.columns.kind, cell: (d) => m.kinds[d.kind] },
    { header: m.columns.centerId, cell: (d) => (d.centerId ? centerName(d.centerId) : none) },
    { header: m.columns.registeredAt, cell: (d) => `${localDateTime(d.registeredAt)}（${d.registeredBy}）` },
    { header: m.columns.lastSeenAt, cell: (d) => (d.lastSeenAt ? localDateTime(d.lastSeenAt) : m.never) },
    {
      header: m.columns.state,
      cell: (d) =>
        d.revokedAt ? (
          format(m.revokedAt, { at: localDateTime(d.revokedAt) })
        ) : (
          <>
            {m.active}{' '}
            <button type="button" onClick={() => setConfirming(d)} disabled={working}>
              {format(m.revoke, { name: d.name })}
            </button>
          </>
        ),
    },
  ];

  return (
    <div className="server-screen">
      <PageHeading>{m.title}</PageHeading>
      <OnlineOnlyNotice />
      {registered && <TokenPanel registered={registered} onDone={() => setRegistered(undefined)} />}
      <p role="status">{status}</p>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      {confirming && (
        <Confirm
          message={format(m.revokeConfirm, { name: confirming.name, id: confirming.id })}
          yes={m.revokeYes}
          onYes={() => void revoke(confirming)}
          onNo={() => setConfirming(undefined)}
          disabled={working}
        />
      )}
      <LoadState loaded={loaded} reload={reload} />
      {loaded.state === 'ready' && (
        <div className="table-scroll">
          <DataTable caption={m.caption} columns={columns} rows={loaded.data.items} rowKey={(d) => d.id} />
        </div>
      )}

      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{m.registerHeading}</h2>
        <form className="case-form" onSubmit={(e) => void register(e)} noValidate>
          <TextInputField name="name" label={m.name} hint={m.nameHint} required value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} error={errors.name} />
          <ChoiceField name="kind" label={m.kind} required value={form.kind} options={kindOptions} onChange={(kind) => setForm((f) => ({ ...f, kind: kind === 'tablet' ? 'tablet' : 'pc' }))} error={errors.kind} />
          <SelectField name="centerId" label={m.centerId} value={form.centerId} options={centerOptions} onChange={(centerId) => setForm((f) => ({ ...f, centerId }))} error={errors.centerId} />
          <TextInputField name="deviceId" label={m.id} hint={m.idHint} value={form.id} onChange={(id) => setForm((f) => ({ ...f, id }))} error={errors.id} />
          <button type="submit" className="primary" disabled={working}>
            {m.register}
          </button>
        </form>
      </section>
    </div>
  );
}

/**
 * The one time the token is visible: the steps match the client's 端末の登録 screen
 * (renderer/features/login/DeviceSetupPage.tsx), which asks for 端末ID and 端末トークン.
 */
function TokenPanel({ registered, onDone }: { registered: Registered; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} className="token-panel" aria-labelledby="token-heading" tabIndex={-1}>
      <h2 id="token-heading">{format(m.tokenHeading, { name: registered.device.name })}</h2>
      <p role="alert">{m.tokenOnce}</p>
      <ol>
        {m.tokenSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <dl className="fields">
        <div className="field-row">
          <dt>{m.deviceIdLabel}</dt>
          <dd className="code" data-testid="registered-device-id">
            {registered.device.id}
          </dd>
        </div>
        <div className="field-row">
          <dt>{m.tokenLabel}</dt>
          <dd className="code" data-testid="registered-device-token">
            {registered.token}
          </dd>
        </div>
      </dl>
      <button type="button" onClick={onDone}>
        {m.tokenDone}
      </button>
    </section>
  );
}
