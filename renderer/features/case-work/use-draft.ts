import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenSession } from '../../session/session-service';

// Work in progress kept in the device's drafts collection (encrypted, never synced), so
// a consultation half written on a tablet survives the app being closed, the battery
// dying or the page being reloaded. Saved a moment after each change and whenever the
// page is hidden; removed once the record itself is saved or the user discards it.

export interface DraftKey {
  /** The form: the collection it writes (`consultations`, …). */
  kind: string;
  personId: string;
  centerId: string;
  /** The record being edited; absent for a new one. */
  documentId?: string;
  /** A variant of the form (e.g. which plan an evaluation is for). */
  variant?: string;
}

export interface FormDraft<T> {
  /** Undefined until the stored draft (if any) has been read: the form waits for it. */
  values: T | undefined;
  setValues: (update: (values: T) => T) => void;
  /** When a draft from an earlier session was restored into the form. */
  restoredAt: string | undefined;
  /** When the draft was last written; undefined while a change waits to be written. */
  savedAt: string | undefined;
  /** Deletes the draft and starts again from `initial`. */
  discard: () => Promise<void>;
  /** Deletes the draft once the record is saved. */
  clear: () => Promise<void>;
}

const saveDelayMs = 300;

export function draftId(userId: string, key: DraftKey): string {
  return [userId, key.kind, key.personId, key.documentId ?? 'new', key.variant].filter(Boolean).join(':');
}

/** `initial` is read once, when no draft exists; it must be ready before the hook runs. */
export function useDraft<T extends object>(session: OpenSession, key: DraftKey, initial: () => T): FormDraft<T> {
  const id = draftId(session.userId, key);
  const [state, setState] = useState<{ id: string; values: T; restoredAt?: string } | undefined>();
  const [savedAt, setSavedAt] = useState<string>();
  const pending = useRef<{ values: T; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  // The values as last set, for updates made in the same tick as another.
  const latest = useRef<{ id: string; values: T } | undefined>(undefined);
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const { db, userId } = session;
  const { kind, personId, centerId } = key;

  useEffect(() => {
    let current = true;
    void db.drafts
      .findOne(id)
      .exec()
      .then((doc) => {
        if (!current) return;
        const stored = doc?.toMutableJSON();
        const loaded = stored && stored.userId === userId ? { id, values: stored.data as T, restoredAt: stored.updatedAt } : { id, values: initialRef.current() };
        latest.current = { id, values: loaded.values };
        setState(loaded);
      });
    return () => {
      current = false;
    };
  }, [db, id, userId]);

  const write = useCallback(
    (values: T) => {
      const updatedAt = new Date().toISOString();
      return db.drafts.upsert({ id, kind, personId, centerId, userId, data: values as Record<string, unknown>, updatedAt }).then(() => {
        // Only "saved" once nothing newer is waiting: the notice must not claim the last keystroke too early.
        if (!pending.current) setSavedAt(updatedAt);
      });
    },
    [db, id, kind, personId, centerId, userId],
  );

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = undefined;
    write(waiting.values).catch((error: unknown) => console.error('draft not saved', error));
  }, [write]);

  useEffect(() => {
    // A tablet app is closed by being hidden far more often than by a button.
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  const setValues = useCallback(
    (update: (values: T) => T) => {
      const base = latest.current;
      if (!base || base.id !== id) return;
      const values = update(base.values);
      latest.current = { id, values };
      setState((previous) => (previous && previous.id === id ? { ...previous, values } : previous));
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { values, timer: setTimeout(flush, saveDelayMs) };
      setSavedAt(undefined);
    },
    [id, flush],
  );

  const remove = useCallback(async () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = undefined;
    await db.drafts.findOne(id).remove();
    setSavedAt(undefined);
  }, [db, id]);

  const discard = useCallback(async () => {
    await remove();
    const values = initialRef.current();
    latest.current = { id, values };
    setState({ id, values });
  }, [remove, id]);

  const current = state?.id === id ? state : undefined;
  return { values: current?.values, setValues, restoredAt: current?.restoredAt, savedAt, discard, clear: remove };
}
