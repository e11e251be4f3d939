import type { ImportTarget, PresetCandidate } from '../../../shared/contract/import';
import type { PresetSpec } from './presets/types';
import { normaliseKey } from './values';

// Pure: which shipped preset fits a file's header. Each preset is scored by the share of its
// columns the header has (the ones its export always has weigh double; a column a rule finds
// counts as one of those), so a file that has every usual column scores 1.

/** A fit below this is not proposed as the file's preset (it stays among the runners-up). */
export const DETECT_THRESHOLD = 0.5;

export function scorePreset(spec: PresetSpec, headers: readonly string[]): PresetCandidate {
  const present = new Set(headers.map(normaliseKey));
  const required = [...new Set(spec.required)];
  const mapped = Object.values(spec.mapping.fields).map((source) => (typeof source === 'string' ? source : source.column));
  const others = [...new Set([...mapped, ...(spec.optional ?? []), ...(spec.mapping.customFields ?? []).map((custom) => custom.column)])].filter(
    (column) => !required.includes(column),
  );
  const resolved = Object.values(spec.resolve?.(headers) ?? {});
  const has = (column: string) => present.has(normaliseKey(column));
  const matched = [...required.filter(has), ...resolved, ...others.filter(has)];
  const missing = required.filter((column) => !has(column));
  const weight = 2 * required.length + 2 * resolved.length + others.length;
  const score = 2 * (required.length - missing.length) + 2 * resolved.length + others.filter(has).length;
  // Every required column absent: no fit at all, whatever else matches.
  const confidence = missing.length === required.length ? 0 : Math.round((score / Math.max(weight, 1)) * 100) / 100;
  return { name: spec.name, into: spec.into, tool: spec.tool, description: spec.description, confidence, matched, missing };
}

/** Every preset scored, best first (ties by name); only `into`'s when it is given. */
export function detectPresets(specs: readonly PresetSpec[], headers: readonly string[], into?: ImportTarget): PresetCandidate[] {
  return specs
    .filter((spec) => !into || spec.into === into)
    .map((spec) => scorePreset(spec, headers))
    .filter((candidate) => candidate.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}

/** Header names that occur more than once, e.g. an event log's `Variant` twice. */
export function duplicateHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const header of headers) (seen.has(header) ? twice : seen).add(header);
  return [...twice];
}
