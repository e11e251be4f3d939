// Fuzzing the door: every channel of the contract gets at least 40 inputs its schema must reject
// (wrong types, missing and extra fields, huge strings, NaN and Infinity, impossible dates,
// __proto__ and constructor keys, deep nesting, undefined values). Each is first proven invalid
// (the schema refuses it, also after the door drops undefined fields); then, through dispatch, each
// must be BAD_INPUT (never INTERNAL, never a throw), leave the database as it was (row counts and a
// content hash of every table), and the connection must take a write afterwards.
// The figures are in docs/security.md, "Fuzzing the door".
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { withoutUndefined } from '../../electron/core/dispatch';
import { contract } from '../../shared/contract';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

const MIN_PER_CHANNEL = 40;
const MAX_PER_CHANNEL = 60;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** A value the schema probably accepts, to mutate one field at a time; undefined when none is known. */
function sample(schema: unknown, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        if (['optional', 'default', 'prefault'].includes(defOf(field).type)) continue;
        out[key] = sample(field, depth + 1);
      }
      return out;
    }
    case 'string': {
      const format = (def as { format?: string }).format;
      if (format === 'date') return '2026-01-15';
      if (format === 'datetime') return '2026-01-15T10:00:00Z';
      return 'Fuzz';
    }
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [];
    case 'record':
      return {};
    case 'union':
      return sample((def.options as unknown[])[0], depth + 1);
    case 'pipe':
      return sample(def.in, depth + 1);
    case 'nullable':
      return null;
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return sample(def.innerType, depth + 1);
    default:
      return undefined;
  }
}

/** The top-level fields a channel's input has (all union options together). */
function fieldsOf(schema: unknown): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'pipe') return fieldsOf(def.in);
  if (['default', 'prefault', 'optional'].includes(def.type)) return fieldsOf(def.innerType);
  if (def.type === 'union') return [...new Set((def.options as unknown[]).flatMap(fieldsOf))];
  return [];
}

const HUGE = 'x'.repeat(2_000_000);
const nested = (levels: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
const nestedArray = (levels: number) => {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

/** Values no field of any contract takes, whatever its type. */
const BAD_VALUES: [kind: string, value: unknown][] = [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['huge string', HUGE],
  ['impossible date', '2026-02-30'],
  ['impossible instant', '2026-02-30T25:61:00Z'],
  ['month 13', '2026-13-01'],
  ['instant past year 9999', '9999-12-31T23:59:59-23:59'],
  ['nested object', nested(200)],
  ['nested array', nestedArray(200)],
  ['__proto__ object', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['constructor object', { constructor: { prototype: { polluted: true } } }],
  ['symbol-like string', '\u0000\uffff\ud800'],
  ['array of undefined', [undefined]],
  ['function-ish object', { toString: 'x', valueOf: 1 }],
  ['Date object', new Date('invalid')],
  ['2^64', 18446744073709551616],
  ['-0.5', -0.5],
];

const ROOT_VALUES: [kind: string, value: unknown][] = [
  ['number', 42],
  ['string', 'accounts'],
  ['empty string', ''],
  ['boolean', true],
  ['array', []],
  ['array of object', [{}]],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['huge string', HUGE],
  ['Date object', new Date(0)],
  ['nested', nested(5_000)],
  ['nested array', nestedArray(5_000)],
  ['zero', 0],
  ['false', false],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['array of strings', ['id', 'name']],
];

const EXTRA_KEYS: [kind: string, value: Record<string, unknown>][] = [
  ['extra field', { notAField: 1 }],
  ['__proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['constructor key', { constructor: { prototype: { polluted: true } } }],
  ['prototype key', { prototype: {} }],
  ['empty key', { '': 1 }],
  ['huge key', { [HUGE.slice(0, 100_000)]: 1 }],
  ['toString key', { toString: 'x' }],
  ['hasOwnProperty key', { hasOwnProperty: null }],
  ['valueOf key', { valueOf: 0 }],
  ['numeric key', { 0: 1 }],
];

interface Candidate {
  kind: string;
  input: unknown;
}

/** Valid for the schema as the door parses it (undefined fields dropped, null as {}). */
function accepted(schema: z.ZodType, input: unknown): boolean {
  const door = withoutUndefined(input ?? {});
  return door !== undefined && schema.safeParse(door.value).success;
}

function candidates(schema: z.ZodType): Candidate[] {
  const base = sample(schema);
  const baseObject = base !== null && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const out: Candidate[] = [];
  for (const [kind, input] of ROOT_VALUES) out.push({ kind: `root: ${kind}`, input });
  for (const [kind, extra] of EXTRA_KEYS) out.push({ kind, input: Object.assign(Object.create(null) as object, baseObject, extra) });
  for (const [kind, value] of BAD_VALUES) out.push({ kind: `extra field: ${kind}`, input: { ...baseObject, notAField: value } });
  const fields = fieldsOf(schema);
  for (const field of fields) {
    if (field in baseObject) {
      const { [field]: _, ...missing } = baseObject;
      out.push({ kind: 'missing field', input: missing });
      out.push({ kind: 'undefined field', input: { ...baseObject, [field]: undefined } });
    }
  }
  for (const [kind, value] of BAD_VALUES) for (const field of fields) out.push({ kind, input: { ...baseObject, [field]: value } });
  // Wrong types for each field: what a caller confusing one field for another would send.
  for (const field of fields) for (const value of [null, true, 'text', 1.5, -1, [], {}, [1, 2, 3]]) out.push({ kind: 'wrong type', input: { ...baseObject, [field]: value } });
  // Interleave kinds so the cap keeps a mix; the proof keeps only inputs the schema rejects.
  const byKind = new Map<string, Candidate[]>();
  for (const candidate of out) byKind.set(candidate.kind, [...(byKind.get(candidate.kind) ?? []), candidate]);
  const mixed: Candidate[] = [];
  for (let i = 0; mixed.length < out.length; i++) for (const list of byKind.values()) if (list[i]) mixed.push(list[i]!);
  return mixed.filter((candidate) => !accepted(schema, candidate.input)).slice(0, MAX_PER_CHANNEL);
}

let core: TestCore;
beforeAll(async () => {
  const path = tempWorkspacePath();
  // A small but full workspace: every table has rows a wrongly accepted input could change.
  await generateDemoWorkspace(path, { accounts: 6, seed: 12 });
  core = await testCore(path);
}, 60_000);
afterAll(() => core.close());

/** Row counts and a content hash of every table: what "no change" means. */
function snapshot() {
  const { sqlite } = core.context;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).raw(true).all() as unknown[][];
    counts[table] = rows.length;
    // Sorted as text: some tables are WITHOUT ROWID, and the order rows come in is not content.
    const lines = rows.map((row) => JSON.stringify(row, (_, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))).sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  return { counts, hash: hash.digest('hex') };
}

const figures = { channels: 0, inputs: 0, fewest: Number.POSITIVE_INFINITY, byKind: new Map<string, number>(), byCode: new Map<string, number>() };

it('every channel refuses 40+ invalid inputs with BAD_INPUT, changes nothing and keeps the connection working', async () => {
  const channels = Object.keys(contract) as (keyof typeof contract)[];
  let before = snapshot();
  const thin: string[] = [];
  const wrong: string[] = [];
  for (const channel of channels) {
    const schema = contract[channel].input as z.ZodType;
    const inputs = candidates(schema);
    if (inputs.length < MIN_PER_CHANNEL) thin.push(`${channel}: ${inputs.length}`);
    figures.channels++;
    figures.fewest = Math.min(figures.fewest, inputs.length);
    for (const { kind, input } of inputs) {
      // The proof first: the schema refuses this input as it stands.
      expect(schema.safeParse(input).success, `${channel} ${kind}: the schema accepts it`).toBe(false);
      let code: string;
      try {
        const result = await core.dispatch(channel, input);
        code = result.ok ? 'OK' : result.error.code;
      } catch (error) {
        code = `THROWN ${(error as Error).message}`;
      }
      figures.inputs++;
      figures.byKind.set(kind, (figures.byKind.get(kind) ?? 0) + 1);
      figures.byCode.set(code, (figures.byCode.get(code) ?? 0) + 1);
      if (code !== 'BAD_INPUT') wrong.push(`${channel} ${kind}: ${code}`);
    }
    const after = snapshot();
    expect(after, `${channel} changed the workspace`).toEqual(before);
    // The connection still takes a write (then that write is the new "before").
    const write = await core.dispatch('accounts.create', { name: `After ${channel}` });
    expect(write.ok, `a write after ${channel}`).toBe(true);
    before = snapshot();
  }
  expect(thin).toEqual([]);
  expect(wrong).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const byKind = [...figures.byKind]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
  console.log(
    `fuzz: ${figures.channels} channels, ${figures.inputs} inputs (fewest for one channel: ${figures.fewest}); by code ${JSON.stringify(Object.fromEntries(figures.byCode))}; by kind ${byKind}`,
  );
}, 120_000);
