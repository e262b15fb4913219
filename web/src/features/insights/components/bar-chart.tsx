import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { useMediaQuery } from './use-media-query';

export type Series = { key: string; name: string; color: string };
export type BarRow = { id: string; label: string; sublabel: string; values: Record<string, number | null> };

type Props = {
  title: string;
  /** What the chart shows, in words: read by screen readers instead of the drawing. */
  summary: string;
  /** Below the chart, for everyone: where the same numbers are. */
  note: string;
  rows: readonly BarRow[];
  series: readonly Series[];
  /** Axis ticks (short) and the tooltip (full). */
  tick: (value: number) => string;
  format: (value: number) => string;
  allowDecimals?: boolean;
  /** Where the value axis is marked (else chosen by the library). */
  ticks?: readonly number[];
};

/** A name on one line and a date or detail under it, left of its bars. */
function RowTick({ x, y, payload, rows }: YAxisTickContentProps & { rows: readonly BarRow[] }) {
  const row = rows.find((entry) => entry.id === payload.value);
  if (!row) return null;
  return (
    <text x={Number(x) - 6} y={Number(y)} textAnchor="end" className="insights-chart__tick">
      <tspan x={Number(x) - 6} dy="-0.2em" className="insights-chart__tick-label">
        {row.label}
      </tspan>
      <tspan x={Number(x) - 6} dy="1.2em" className="insights-chart__tick-sublabel">
        {row.sublabel}
      </tspan>
    </text>
  );
}

/**
 * Horizontal bars, one group per row: long names fit on a phone, and more rows only make the chart taller. The
 * drawing is one image to assistive technology, labelled by the summary; the table under it has every number.
 */
export function HorizontalBarChart({ title, summary, note, rows, series, tick, format, allowDecimals = true, ticks }: Props) {
  const captionId = useId();
  const narrow = useMediaQuery('(max-width: 640px)');
  const height = 70 + rows.length * (24 + series.length * 14);
  const longest = narrow ? 16 : 22;
  const truncate = (text: string) => (text.length > longest ? `${text.slice(0, longest - 1)}…` : text);
  const shown = rows.map((row) => ({ ...row, label: truncate(row.label), ...row.values }));
  return (
    <figure className="insights-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="insights-chart__title">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="insights-chart__drawing">
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={shown}
          layout="vertical"
          margin={{ top: 4, right: 28, bottom: 4, left: 0 }}
          barGap={2}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#d5dde5" />
          <XAxis
            type="number"
            tickFormatter={tick}
            allowDecimals={allowDecimals}
            stroke="#515f6d"
            fontSize={12}
            {...(ticks ? { ticks, domain: [0, ticks[ticks.length - 1] ?? 0], interval: 0 } : {})}
          />
          <YAxis
            type="category"
            dataKey="id"
            width={narrow ? 124 : 176}
            tick={(props: YAxisTickContentProps) => <RowTick {...props} rows={shown} />}
            stroke="#515f6d"
            interval={0}
          />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? format(value) : '')}
            labelFormatter={(id) => {
              const row = rows.find((entry) => entry.id === id);
              return row ? `${row.label} · ${row.sublabel}` : '';
            }}
          />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          {series.map((entry) => (
            <Bar key={entry.key} dataKey={entry.key} name={entry.name} fill={entry.color} isAnimationActive={false} barSize={12} />
          ))}
        </BarChart>
      </div>
      <p className="insights-chart__note">{note}</p>
    </figure>
  );
}
