// Every channel refuses what it does not know: an extra key at the top of the input, and an extra
// key in any object the input holds, is BAD_INPUT naming the key, never silently ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { testCore, type TestCore } from '../fixtures/core';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Every object schema an input can hold, with where it sits and whether it refuses unknown keys. */
function objectsIn(schema: unknown, path: string, out: { path: string; strict: boolean }[] = [], seen = new Set<unknown>()) {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const inner = (key: string) => objectsIn(def[key], path, out, seen);
  switch (def.type) {
    case 'object':
      out.push({ path, strict: def.catchall !== undefined && defOf(def.catchall).type === 'never' });
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) objectsIn(field, `${path}.${key}`, out, seen);
      break;
    case 'union':
      (def.options as unknown[]).forEach((option) => objectsIn(option, path, out, seen));
      break;
    case 'pipe':
      inner('in');
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      inner('innerType');
      break;
    case 'array':
      objectsIn(def.element, `${path}[]`, out, seen);
      break;
    case 'record':
      objectsIn(def.valueType, `${path}{}`, out, seen);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((item, i) => objectsIn(item, `${path}[${i}]`, out, seen));
      break;
    case 'intersection':
      inner('left');
      inner('right');
      break;
    case 'lazy':
      objectsIn((def.getter as () => unknown)(), path, out, seen);
      break;
  }
  return out;
}

/** The top-level shapes a channel accepts: one `{}` for an object, one per discriminator value for a union. */
function rootVariants(schema: unknown): Record<string, unknown>[] {
  const def = defOf(schema);
  if (def.type === 'pipe') return rootVariants(def.in);
  if (['default', 'prefault', 'optional'].includes(def.type)) return rootVariants(def.innerType);
  if (def.type === 'union') {
    const discriminator = def.discriminator as string | undefined;
    return (def.options as unknown[]).flatMap((option) => {
      const variants = rootVariants(option);
      if (!discriminator) return variants;
      const literal = defOf((defOf(option).shape as Record<string, unknown>)[discriminator]);
      return variants.map((variant) => ({ ...variant, [discriminator]: (literal.values as unknown[])[0] }));
    });
  }
  expect(def.type, 'a channel input is an object').toBe('object');
  return [{}];
}

const channels = Object.keys(contract) as (keyof typeof contract)[];

describe('every input schema refuses unknown keys', () => {
  it.each(channels)('%s: every object it holds is strict', (channel) => {
    const objects = objectsIn(contract[channel].input, channel);
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.filter((o) => !o.strict).map((o) => o.path)).toEqual([]);
  });
});

describe('through dispatch, an extra key is BAD_INPUT naming it', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  it.each(channels)('%s', async (channel) => {
    for (const variant of rootVariants(contract[channel].input)) {
      const result = await core.dispatch(channel, { ...variant, notAField: 1 });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.issues?.some((issue) => /notAField/.test(issue.message))).toBe(true);
    }
  });

  it('a list query refuses an unknown key in its sort', async () => {
    const error = await core.fail('accounts.list', { sort: { field: 'name', direction: 'asc', nulls: 'last' } });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/nulls/);
  });
});
