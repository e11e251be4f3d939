// The result table: each figure, its limit and the ratio between them.
import { cpus, platform, release } from 'node:os';
import { verdict, type Measurement } from './types';

const number = (value: number) =>
  Number.isInteger(value) || value >= 100 ? Math.round(value).toLocaleString('en-US') : value > 0 && value < 0.01 ? value.toPrecision(2) : value.toFixed(2);

export function machine(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${platform()} ${release()}, Node ${process.version}`;
}

export function table(measurements: readonly Measurement[]): string {
  const rows = measurements.map((m) => {
    const { ratio, ok } = verdict(m);
    return [
      m.name,
      `${number(m.value)} ${m.unit}`,
      `${m.better === 'higher' ? '>=' : '<='} ${number(m.limit)} ${m.unit}`,
      ratio.toFixed(2),
      ok ? 'ok' : 'MISSED',
      m.reference ? `${number(m.reference.value)} ${m.unit}` : '',
      m.reference ? (m.reference.value / m.limit).toFixed(3) : '',
    ];
  });
  const header = ['benchmark', 'result', 'limit', 'ratio', '', 'plain pass', 'pass/limit'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const details = measurements
    .filter((m) => m.detail || m.reference)
    .map((m) => `  ${m.name}: ${[m.detail, m.reference && `plain pass = ${m.reference.what}`].filter(Boolean).join('; ')}`);
  return [line(header), ...rows.map(line), '', ...details].join('\n');
}
