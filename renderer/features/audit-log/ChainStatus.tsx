import { adminMessages, format, serverMessages } from '../../../shared/index';
import { LoadState, useServerData } from '../../app/server-screen';

const m = adminMessages.audit;

/** GET /api/audit/verify (server/API.md). */
export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** Whether the seals were checked (the server has an audit key). */
  sealed: boolean;
  brokenAt?: { id: string; seq: number; reason: keyof typeof serverMessages.audit.breakReasons };
}

/** The hash chain's state, first on the screen: an auditor must not read a log that was tampered with unawares. */
export function ChainStatus() {
  const { loaded, reload } = useServerData<VerifyResult>('/api/audit/verify');
  return (
    <section className={`chain-status ${loaded.state === 'ready' ? (loaded.data.ok ? 'chain-ok' : 'chain-broken') : ''}`} aria-labelledby="chain-heading">
      <h2 id="chain-heading">{m.chainHeading}</h2>
      {loaded.state === 'ready' ? (
        <p role={loaded.data.ok ? 'status' : 'alert'} className="chain-result">
          {loaded.data.ok
            ? `${format(m.chainOk, { entries: loaded.data.entries.toLocaleString('ja-JP') })}${loaded.data.sealed ? m.chainSealed : m.chainUnsealed}`
            : format(m.chainBroken, {
                id: loaded.data.brokenAt?.id ?? m.unknownEntry,
                seq: loaded.data.brokenAt?.seq ?? m.unknownEntry,
                reason: (loaded.data.brokenAt && serverMessages.audit.breakReasons[loaded.data.brokenAt.reason]) ?? m.unknownEntry,
              })}
        </p>
      ) : (
        <LoadState loaded={loaded} reload={reload} />
      )}
      <button type="button" onClick={reload}>
        {m.verifyAgain}
      </button>
    </section>
  );
}
