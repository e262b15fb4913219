import type { ReactNode } from 'react';

export type Column<Row> = {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Row header cell (the row's name), read out before the other cells. */
  isRowHeader?: boolean;
  align?: 'start' | 'end';
};

type Props<Row> = {
  caption: string;
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
};

/** A plain table that turns into stacked, labelled cards on narrow screens (see .data-table in styles.css). */
export function DataTable<Row>({ caption, captionHidden = true, columns, rows, rowKey, empty }: Props<Row>) {
  if (rows.length === 0 && empty) return <p className="empty">{empty}</p>;
  return (
    <table className="data-table">
      <caption className={captionHidden ? 'visually-hidden' : 'data-table__caption'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.align === 'end' ? 'align-end' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) =>
              column.isRowHeader ? (
                <th key={column.key} scope="row" data-label={column.header}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} data-label={column.header} className={column.align === 'end' ? 'align-end' : undefined}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
