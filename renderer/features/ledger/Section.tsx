import { useId, type ReactNode } from 'react';

export type FieldRow = readonly [label: string, value: string];

/** A titled part of the ledger, a landmark of its own so screen-reader users can jump between parts. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="ledger-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function Fields({ rows }: { rows: readonly FieldRow[] }) {
  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <div key={label} className="field-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
