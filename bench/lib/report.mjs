// Small statistics and table printing helpers. Benches print figures, they never judge them.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const max = (values) => Math.max(...values);

/** `value / baseline` as "×1.23"; "n/a" when either side is missing. */
export function ratio(value, baseline) {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  return `×${(value / baseline).toFixed(2)}`;
}

export function fixed(value, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** Prints rows (arrays of strings) under headers; numbers-looking cells are right-aligned. */
export function printTable(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const numeric = (text) => /^[×≤<>~+-]?\s?[\d.,]+( ?[a-zA-Z%]+)?$/.test(text) || text === 'n/a';
  const line = (row) =>
    `  ${row.map((cell, column) => (column > 0 && numeric(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')}`;
  console.log(line(cells[0]).trimEnd());
  console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of cells.slice(1)) console.log(line(row).trimEnd());
}
