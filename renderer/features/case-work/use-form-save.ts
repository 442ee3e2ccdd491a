import { useState, type FormEvent } from 'react';
import { caseWorkMessages, type Checked, type FieldError, format } from '../../../shared/index';

// Saving a case-work form, the same way everywhere: check first and name every problem;
// then write, and only once the record is stored drop the draft and move on. A failed
// write says why and leaves the draft (and so the user's input) where it was.

/** What a save gives back: the saved record's id, or why nothing was written. */
export type SaveOutcome = { savedId: string } | { notSaved: string };

export interface FormSave {
  errors: FieldError[];
  saving: boolean;
  message: string | undefined;
  onSubmit: (event: FormEvent) => void;
}

export function useFormSave<C>(options: {
  check: () => Checked<C>;
  save: (content: C) => Promise<SaveOutcome>;
  draft: { clear(): Promise<void> };
  onSaved: (id: string) => void;
}): FormSave {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string>();

  const submit = async () => {
    setMessage(undefined);
    const checked = options.check();
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    setSaving(true);
    try {
      const outcome = await options.save(checked.value);
      if ('notSaved' in outcome) {
        setMessage(outcome.notSaved);
        return;
      }
      await options.draft.clear();
      options.onSaved(outcome.savedId);
    } catch (error) {
      setMessage(format(caseWorkMessages.common.saveFailed, { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  return {
    errors,
    saving,
    message,
    onSubmit: (event) => {
      event.preventDefault();
      void submit();
    },
  };
}
