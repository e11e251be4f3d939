// The demo's generation thread (started by produceThread.ts): generates every row and posts them a
// batch at a time, waiting while MAX_AHEAD batches are not yet written; stops once told to.
import { parentPort, workerData } from 'node:worker_threads';
import { produceRows } from './produce';
import { AHEAD, batchingSink, STOP, type FromProduce, type ProduceRequest } from './produceThread';

const request = workerData as ProduceRequest;
const control = new Int32Array(request.control);
const post = (message: FromProduce) => parentPort!.postMessage(message);

/** Thrown out of the generator when the writer wants no more rows. */
class Stopped extends Error {}

try {
  const { sink, end } = batchingSink(request.batchRows, (batch) => {
    if (Atomics.load(control, STOP) === 1) throw new Stopped();
    // Counted before it is posted, so the writer's decrement can never come first.
    Atomics.add(control, AHEAD, 1);
    post({ type: 'rows', batch });
    for (let ahead = Atomics.load(control, AHEAD); ahead >= request.maxAhead && Atomics.load(control, STOP) === 0; ahead = Atomics.load(control, AHEAD)) {
      Atomics.wait(control, AHEAD, ahead, 1_000);
    }
  });
  produceRows(sink, request);
  end();
  post({ type: 'end' });
} catch (error) {
  if (!(error instanceof Stopped)) post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
