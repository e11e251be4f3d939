import type { MetricValueDto } from '../../../shared/contract/metrics';
import type { MetricValue } from './types';

/** A pure function's result as a figure on the wire: its definition id and only the contract's fields. */
export function figure(definition: string, m: MetricValue, approximate?: boolean): MetricValueDto {
  const out: MetricValueDto = { definition, value: m.value, n: m.n };
  if (m.value === null) out.reason = m.reason ?? 'no data';
  else if (m.reason) out.warning = m.reason;
  if (m.low !== undefined && m.value !== null) out.low = m.low;
  if (m.high !== undefined && m.value !== null) out.high = m.high;
  if (m.warning) out.warning = m.warning;
  if (approximate && m.value !== null) out.approximate = true;
  return out;
}

/** A count that is a fact (0 tickets opened is an answer), unless there is nothing to count in. */
export function countFigure(definition: string, count: number, scopeEmpty: boolean): MetricValueDto {
  return scopeEmpty ? { definition, value: null, n: 0, reason: 'no accounts in the filter' } : { definition, value: count, n: count };
}
