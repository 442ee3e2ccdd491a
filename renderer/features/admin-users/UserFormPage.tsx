import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { adminMessages, allScopeCenters, centerName, format, isPermission, isRole, permissions, roles, type PublicUser } from '../../../shared/index';
import { failureText, fieldErrorsOf, LoadState, OnlineOnlyNotice, useServerApi, useServerData } from '../../app/server-screen';
import { serverScreens } from '../../app/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { useTitle } from '../../ui/use-title';
import { CheckboxGroup, ChoiceField, SelectField, TextInputField } from '../case-work/fields';
import { roleLabel, stateLabel } from './labels';
import { createBody, formOfUser, isLocked, newUserForm, patchBody, withRole, type ScopeChoice, type UserForm } from './user-form';
import '../case-work/case-work.css';
import '../audit-log/audit-log.css';

const m = adminMessages.users;
const listPath = serverScreens.users.path;

type Errors = Record<string, string>;
type Outcome = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | undefined;

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** ユーザーの追加 (`/admin/users/new`) and ユーザーの編集 (`/admin/users/:userId`). */
export function UserFormPage() {
  const { userId } = useParams();
  return userId === undefined ? <NewUserPage /> : <EditUserPage key={userId} userId={userId} />;
}

function Feedback({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <p role="status">{outcome?.kind === 'ok' ? outcome.message : ''}</p>
      {outcome?.kind === 'error' && (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      )}
    </>
  );
}

/** The server's password rule, as the list answers it; the general wording until it has. */
function usePasswordHint(): string {
  const { loaded } = useServerData<{ passwordMinLength?: number }>('/api/users');
  const min = loaded.state === 'ready' ? loaded.data.passwordMinLength : undefined;
  return min === undefined ? m.passwordHint : format(m.passwordHintMin, { min });
}

function NewUserPage() {
  useTitle(m.newTitle);
  const passwordHint = usePasswordHint();
  const call = useServerApi();
  const navigate = useNavigate();
  const [form, setForm] = useState<UserForm>(newUserForm);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    try {
      const user = await call<PublicUser>('POST', '/api/users', createBody(form));
      await navigate(listPath, { state: { notice: format(m.created, { name: user.displayName, id: user.id }) } });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setOutcome({ kind: 'error', message: failureText(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="server-screen">
      <Link to={listPath}>{m.backToList}</Link>
      <PageHeading>{m.newTitle}</PageHeading>
      <OnlineOnlyNotice />
      <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
        <UserFields form={form} setForm={setForm} errors={errors} isNew>
          <TextField
            label={m.password}
            hint={passwordHint}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm((f) => ({ ...f, password: e.target.value }))}
            error={errors.password}
          />
        </UserFields>
        <Feedback outcome={outcome} />
        <button type="submit" className="primary" disabled={working}>
          {m.saveNew}
        </button>
      </form>
    </div>
  );
}

function EditUserPage({ userId }: { userId: string }) {
  const { loaded, reload } = useServerData<PublicUser>(userPath(userId));
  useTitle(loaded.state === 'ready' ? format(m.editTitle, { name: loaded.data.displayName, id: loaded.data.id }) : m.title);
  return (
    <div className="server-screen">
      <Link to={listPath}>{m.backToList}</Link>
      {loaded.state === 'ready' ? (
        <EditUser user={loaded.data} onChanged={reload} />
      ) : (
        <>
          <PageHeading>{m.title}</PageHeading>
          <OnlineOnlyNotice />
          <LoadState loaded={loaded} reload={reload} />
        </>
      )}
    </div>
  );
}

function EditUser({ user, onChanged }: { user: PublicUser; onChanged: () => void }) {
  const passwordHint = usePasswordHint();
  const call = useServerApi();
  const navigate = useNavigate();
  const [form, setForm] = useState<UserForm>(() => formOfUser(user));
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const name = { name: user.displayName, id: user.id };

  const act = async (request: () => Promise<unknown>, done: string, onError?: (error: unknown) => void) => {
    setWorking(true);
    try {
      await request();
      setOutcome({ kind: 'ok', message: done });
      onChanged();
      return true;
    } catch (error) {
      onError?.(error);
      setOutcome({ kind: 'error', message: failureText(error) });
      return false;
    } finally {
      setWorking(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(
      async () => {
        await call('PATCH', userPath(user.id), patchBody(form));
        setErrors({});
      },
      m.saved,
      (error) => setErrors(fieldErrorsOf(error)),
    );
  };

  const resetPassword = (event: FormEvent) => {
    event.preventDefault();
    void act(
      async () => {
        await call('POST', `${userPath(user.id)}/password`, { password });
        setPassword('');
        setPasswordError(undefined);
      },
      m.resetDone,
      (error) => setPasswordError(fieldErrorsOf(error).password ?? failureText(error)),
    );
  };

  const remove = async () => {
    setWorking(true);
    try {
      await call('DELETE', userPath(user.id));
      await navigate(listPath, { state: { notice: format(m.deleted, name) } });
    } catch (error) {
      setConfirming(false);
      setOutcome({ kind: 'error', message: failureText(error) });
      setWorking(false);
    }
  };

  return (
    <>
      <PageHeading>{format(m.editTitle, name)}</PageHeading>
      <OnlineOnlyNotice />
      <Feedback outcome={outcome} />
      <form className="case-form" onSubmit={save} noValidate>
        <UserFields form={form} setForm={setForm} errors={errors} isNew={false} />
        <button type="submit" className="primary" disabled={working}>
          {m.save}
        </button>
      </form>

      <section aria-labelledby="state-heading">
        <h2 id="state-heading">{m.stateHeading}</h2>
        <p>{stateLabel(user, new Date())}</p>
        <div className="actions">
          <button type="button" disabled={working} onClick={() => void act(() => call('PATCH', userPath(user.id), { disabled: !user.disabled }), user.disabled ? m.enabledDone : m.disabledDone)}>
            {user.disabled ? m.enable : m.disable}
          </button>
          {isLocked(user, new Date()) && (
            <button type="button" disabled={working} onClick={() => void act(() => call('POST', `${userPath(user.id)}/unlock`), m.unlocked)}>
              {m.unlock}
            </button>
          )}
        </div>
      </section>

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">{m.resetHeading}</h2>
        <form className="case-form" onSubmit={resetPassword} noValidate>
          <TextField label={m.newPassword} hint={passwordHint} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={passwordError} />
          <button type="submit" disabled={working}>
            {m.reset}
          </button>
        </form>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{m.deleteHeading}</h2>
        {/* The button stays while the question is open, so that cancelling returns focus to it. */}
        <button type="button" onClick={() => setConfirming(true)}>
          {m.delete}
        </button>
        {confirming && <Confirm message={format(m.deleteConfirm, name)} yes={m.deleteYes} onYes={() => void remove()} onNo={() => setConfirming(false)} disabled={working} />}
      </section>
    </>
  );
}

/**
 * A confirmation that names what it will do; it takes focus so a keyboard user lands on
 * the question, and gives it back to the control that opened it when it closes.
 */
export function Confirm({ message, yes, onYes, onNo, disabled }: { message: string; yes: string; onYes: () => void; onNo: () => void; disabled?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div ref={ref} className="confirm" role="alertdialog" aria-label={yes} aria-describedby="confirm-message" tabIndex={-1}>
      <p id="confirm-message">{message}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onYes} disabled={disabled}>
          {yes}
        </button>
        <button type="button" onClick={onNo}>
          {adminMessages.common.cancel}
        </button>
      </div>
    </div>
  );
}

const roleOptions = roles.map((role) => ({ value: role, label: roleLabel(role) }));
const permissionOptions = permissions.map((p) => ({ value: p, label: adminMessages.permissions[p] }));
const centerOptions = allScopeCenters.map((id) => ({ value: id, label: centerName(id) }));
const scopeOptions: { value: ScopeChoice; label: string }[] = [
  { value: 'some', label: m.scopeSome },
  { value: 'all', label: m.scopeAll },
  { value: 'none', label: m.scopeNone },
];

function UserFields({ form, setForm, errors, isNew, children }: { form: UserForm; setForm: (update: (f: UserForm) => UserForm) => void; errors: Errors; isNew: boolean; children?: ReactNode }) {
  return (
    <>
      {isNew && <TextInputField name="id" label={m.id} hint={m.idHint} required value={form.id} onChange={(id) => setForm((f) => ({ ...f, id }))} error={errors.id} />}
      <TextInputField name="displayName" label={m.displayName} required value={form.displayName} onChange={(displayName) => setForm((f) => ({ ...f, displayName }))} error={errors.displayName} />
      <SelectField name="role" label={m.role} hint={m.roleHint} value={form.role} options={roleOptions} onChange={(role) => isRole(role) && setForm((f) => withRole(f, role))} error={errors.role} />
      <CheckboxGroup name="permissions" label={m.permissions} options={permissionOptions} values={form.permissions} onChange={(values) => setForm((f) => ({ ...f, permissions: values.filter(isPermission) }))} error={errors.permissions} />
      <ChoiceField
        name="scope"
        label={m.scope}
        value={form.scope}
        options={scopeOptions}
        onChange={(scope) => setForm((f) => ({ ...f, scope: scope as ScopeChoice }))}
        error={errors.allCenters ?? (form.scope === 'some' ? undefined : errors.centers)}
      />
      {form.scope === 'some' && <CheckboxGroup name="centers" label={m.centers} options={centerOptions} values={form.centers} onChange={(centers) => setForm((f) => ({ ...f, centers }))} error={errors.centers} />}
      {children}
    </>
  );
}
