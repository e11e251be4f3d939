// The one back-pressured producer pipe (lib/producerThread.ts) that the demo generator and the
// import's parse thread run on: items in order, never more than maxAhead ahead of a slow consumer,
// a worker's error (and a CoreError's code and issues) reaching the caller, and a stop from the
// consumer ending the worker early.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/errors';
import { runProducer } from '../../electron/core/lib/producerThread';
import type { CountRequest } from '../fixtures/producer/countEntry';

const source = join(import.meta.dirname, '..', 'fixtures', 'producer', 'countEntry.ts');
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function start(options: Omit<CountRequest, 'produced'>, maxAhead: number, consume: (item: number, produced: Int32Array) => boolean | void) {
  const produced = new Int32Array(new SharedArrayBuffer(8));
  const ran = runProducer<CountRequest, number, { sent: number }>(
    {
      source,
      request: { ...options, produced: produced.buffer },
      maxAhead,
      name: 'the test producer',
      toError: (error) => (error.code ? new CoreError(error.code, error.message, error.issues) : new Error(`the test producer failed: ${error.message}`)),
    },
    (item) => consume(item, produced),
  );
  return { ran, produced };
}

describe('lib/producerThread', () => {
  it('hands every item over in order and never runs more than maxAhead ahead of a slow consumer', async () => {
    const items: number[] = [];
    let mostAhead = 0;
    const { ran } = start({ count: 40 }, 3, (item, produced) => {
      // Slow on purpose: without back-pressure the producer would have sent all 40 by now.
      sleep(15);
      mostAhead = Math.max(mostAhead, Atomics.load(produced, 0) - items.length);
      items.push(item);
    });
    const result = await ran;
    expect(items).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(result.stopped).toBe(false);
    expect(result.value).toEqual({ sent: 40 });
    // Posted-not-consumed plus the one the producer is about to send: at most maxAhead + 1; and the
    // producer did get ahead (the bound was met, not an idle producer).
    expect(mostAhead).toBeLessThanOrEqual(4);
    expect(mostAhead).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("rejects with the worker's error, and a CoreError keeps its code and issues", async () => {
    const plain = start({ count: 10, failAt: 4 }, 2, () => {});
    await expect(plain.ran).rejects.toThrow('the test producer failed: broke at 4');
    const coded = start({ count: 10, failAt: 2, coreError: true }, 2, () => {});
    const error = await coded.ran.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'row 2 is wrong', issues: [{ path: 'rows.2', message: 'is wrong' }] });
  }, 60_000);

  it('stops when the consumer says so (a cancel): the promise settles at once and the worker unwinds', async () => {
    const items: number[] = [];
    const { ran, produced } = start({ count: 1_000_000 }, 2, (item) => {
      items.push(item);
      return item === 5;
    });
    expect(await ran).toEqual({ stopped: true });
    expect(items).toEqual([0, 1, 2, 3, 4, 5]);
    // The worker's finally block runs (it left through ProducerStopped), having sent only a few more.
    for (let i = 0; i < 200 && Atomics.load(produced, 1) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Atomics.load(produced, 1)).toBe(1);
    expect(Atomics.load(produced, 0)).toBeLessThan(20);
  }, 60_000);

  it('rejects, and stops the worker, when the consumer throws', async () => {
    const { ran } = start({ count: 1_000 }, 2, (item) => {
      if (item === 3) throw new Error('the write failed');
    });
    await expect(ran).rejects.toThrow('the write failed');
  }, 60_000);
});
