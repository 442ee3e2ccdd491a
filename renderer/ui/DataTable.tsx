import { memo, type ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

interface DataTableProps<T> {
  /** The first column names each row (a row header), as screen readers announce it. */
  columns: readonly [Column<T>, ...Column<T>[]];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  caption?: string;
  className?: string;
  /** Shown instead of an empty table. */
  empty?: string;
}

/**
 * A plain data table: column headers, a row header per row, nothing interactive of its
 * own. Rows are memoised: with stable `columns`, a row whose object is unchanged is not
 * rendered again (the search results re-render on every keystroke).
 */
export function DataTable<T>({ columns, rows, rowKey, caption, className = 'data', empty }: DataTableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <table className={className}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.className}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <Row key={rowKey(row, index)} row={row} columns={columns as readonly [Column<unknown>, ...Column<unknown>[]]} />
        ))}
      </tbody>
    </table>
  );
}

const Row = memo(function Row({ row, columns }: { row: unknown; columns: readonly [Column<unknown>, ...Column<unknown>[]] }) {
  const [first, ...rest] = columns;
  return (
    <tr>
      <th scope="row" className={first.className}>
        {first.cell(row)}
      </th>
      {rest.map((column) => (
        <td key={column.header} className={column.className}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
});
