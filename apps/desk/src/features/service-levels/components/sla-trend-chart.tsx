import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendRow } from '../dashboard/trend-rows';

const HEIGHT = 280;
const BREACH_COLOUR = '#a51d1d';
const PENALTY_COLOURS = ['#224e76', '#0b6e64', '#6f2da8'];

export interface SlaTrendChartProps {
  rows: readonly TrendRow[];
  currencies: readonly string[];
  dayLabel(day: string): string;
  breachesLabel: string;
  penaltiesLabel(currency: string): string;
  penaltiesAxisLabel: string;
  money(amount: number, currency: string): string;
}

/**
 * Breaches (columns, left axis) and penalties (a line per currency, right axis) per day. Drawn for
 * the eye only: the section around it says the same in words and in a table, so the chart is
 * hidden from assistive technology and takes no focus. Its own chunk, with recharts: fetched when
 * a dashboard has something to draw.
 */
export function SlaTrendChart({
  rows,
  currencies,
  dayLabel,
  breachesLabel,
  penaltiesLabel,
  penaltiesAxisLabel,
  money,
}: SlaTrendChartProps) {
  const data = rows.map((row) => ({ label: dayLabel(row.day), breaches: row.breaches, ...row.penalties }));
  // Drawn at the width the section has, once it has one (never, where nothing is laid out).
  const { ref, width } = useElementSize();
  return (
    <Box ref={ref} aria-hidden h={HEIGHT} data-testid="sla-trend-chart">
      {width > 0 && (
        <ComposedChart
          width={width}
          height={HEIGHT}
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#343a40' }} minTickGap={12} />
          <YAxis
            yAxisId="breaches"
            allowDecimals={false}
            tick={{ fontSize: 12, fill: '#343a40' }}
            width={36}
            label={{
              value: breachesLabel,
              angle: -90,
              position: 'insideLeft',
              fill: '#343a40',
              fontSize: 12,
            }}
          />
          {currencies.length > 0 && (
            <YAxis
              yAxisId="penalties"
              orientation="right"
              tick={{ fontSize: 12, fill: '#343a40' }}
              width={64}
              label={{
                value: penaltiesAxisLabel,
                angle: 90,
                position: 'insideRight',
                fill: '#343a40',
                fontSize: 12,
              }}
            />
          )}
          <Tooltip
            formatter={(value, name, item) => {
              const currency = currencies.find((code) => code === item.dataKey);
              return [currency ? money(Number(value), currency) : String(value), name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="breaches"
            dataKey="breaches"
            name={breachesLabel}
            fill={BREACH_COLOUR}
            maxBarSize={24}
          />
          {currencies.map((currency, index) => (
            <Line
              key={currency}
              yAxisId="penalties"
              type="monotone"
              dataKey={currency}
              name={penaltiesLabel(currency)}
              stroke={PENALTY_COLOURS[index % PENALTY_COLOURS.length]}
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      )}
    </Box>
  );
}
