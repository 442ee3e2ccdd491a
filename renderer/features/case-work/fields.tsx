import { useEffect, useRef, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { caseWorkMessages, format, type FieldError } from '../../../shared/index';
import { warekiDate } from '../../ui/format';

// The form controls of the case-work screens. Each is labelled, ties its hint and error
// to itself for assistive technology, and has an id derived from the form key, so an
// error summary can link to it. Sizes come from the app's --target (44px on tablets).

const c = caseWorkMessages.common;

export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FieldProps {
  /** The form key; errors use the same key. */
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function ids(name: string, hint: string | undefined, error: string | undefined) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required && <span className="required">（{c.required}）</span>}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

export function TextInputField({
  name,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  inputMode,
  className,
}: FieldProps & { value: string; onChange: (value: string) => void; inputMode?: 'text' | 'decimal' | 'numeric'; className?: string }) {
  const { id, describedBy } = ids(name, hint, error);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <input id={id} type="text" value={value} inputMode={inputMode} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** A calendar date, entered in 西暦 with the browser's picker and shown back in 和暦. */
export function DateField({ name, label, error, required, value, onChange, max }: FieldProps & { value: string; onChange: (value: string) => void; max?: string }) {
  const hint = value ? format(c.warekiHint, { date: warekiDate(value) }) : c.dateHint;
  const { id, describedBy } = ids(name, hint, error);
  return (
    <div className="field field-date">
      <Label id={id} label={label} required={required} />
      <input id={id} type="date" value={value} max={max} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      <p id={`${id}-hint`} className="field-hint" aria-live="polite">
        {hint}
      </p>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TimeField({ name, label, error, value, onChange }: FieldProps & { value: string; onChange: (value: string) => void }) {
  const { id, describedBy } = ids(name, undefined, error);
  return (
    <div className="field field-time">
      <Label id={id} label={label} />
      <input id={id} type="time" value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** Long free text: line breaks are kept exactly as typed. */
export function TextAreaField({
  name,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  rows = 4,
}: FieldProps & { value: string; onChange: (value: string) => void } & Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows'>) {
  const { id, describedBy } = ids(name, hint, error);
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <textarea id={id} value={value} rows={rows} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ name, label, error, hint, required, value, options, onChange }: FieldProps & { value: string; options: readonly Option[]; onChange: (value: string) => void }) {
  const { id, describedBy } = ids(name, hint, error);
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

/**
 * One choice of several, as large buttons a finger can hit: a radio group named by its
 * legend. Arrow keys move between the options, as with any radio group.
 */
export function ChoiceField({
  name,
  label,
  error,
  required,
  value,
  options,
  onChange,
  className,
  children,
}: FieldProps & { value: string; options: readonly Option[]; onChange: (value: string) => void; className?: string; children?: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`field choice-field ${className ?? ''}`}>
      <div role="radiogroup" id={id} aria-labelledby={`${id}-legend`} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} aria-required={required || undefined} tabIndex={-1}>
        <p id={`${id}-legend`} className="choice-legend">
          {label}
          {required && <span className="required">（{c.required}）</span>}
        </p>
        {children}
        <div className="choices">
          {options.map((option) => (
            <label key={option.value} className={`choice ${value === option.value ? 'chosen' : ''}`}>
              <input type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </div>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function CheckboxField({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(name);
  return (
    <label className={`choice checkbox ${checked ? 'chosen' : ''}`} htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** Several independent choices (e.g. the types of suspected abuse), as a named group. */
export function CheckboxGroup({ name, label, error, options, values, onChange }: FieldProps & { options: readonly Option[]; values: readonly string[]; onChange: (values: string[]) => void }) {
  const id = fieldId(name);
  return (
    <fieldset className="field choice-field" id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="choice-legend">{label}</legend>
      <div className="choices">
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            name={`${name}-${option.value}`}
            label={option.label}
            checked={values.includes(option.value)}
            onChange={(checked) => onChange(checked ? [...values, option.value] : values.filter((v) => v !== option.value))}
          />
        ))}
      </div>
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}

/** The problems of a refused save, each a link that takes focus to its field; focused itself when it appears. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.field).join('|');
  useEffect(() => {
    if (key !== '') ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{c.errorSummary}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a
              href={`#${fieldId(error.field)}`}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(fieldId(error.field));
                const focusable = target?.matches('input, select, textarea') ? target : target?.querySelector<HTMLElement>('input, select, textarea');
                (focusable ?? target)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The error of one field, from a refused save. */
export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}
