import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorCode, InputIssue } from '../../../shared/rpc';
import { startWorker } from './startWorker';

// A back-pressured producer thread (issue 14; the demo generator's rows, the import's parsed
// batches): a worker produces items in order and posts them to the thread that started it, which
// consumes each in turn. The worker runs at most `maxAhead` items ahead of the consumer (a shared
// counter it waits on), so memory holds a few items, never the whole output. The consumer can stop
// it (a cancel, a failed write); a worker error rejects with its message (and its code and issues,
// when it was a CoreError-like error). One side runs in each thread: runProducer where the items
// are consumed, produceInWorker in the worker's entry file.

/** control[AHEAD]: items posted and not yet consumed; control[STOP]: 1 once the consumer wants no more. */
const AHEAD = 0;
const STOP = 1;

/** What the worker gets as workerData: the caller's request beside the control counters. */
export interface ProducerData<R> {
  request: R;
  maxAhead: number;
  control: SharedArrayBuffer;
}

export interface ProducerError {
  message: string;
  code?: ErrorCode;
  issues?: InputIssue[];
}

type FromProducer<T, E> = { type: 'item'; item: T } | { type: 'end'; value: E; cpuSeconds?: number } | ({ type: 'error' } & ProducerError);

export interface ProducerOptions<R> {
  /** The worker's entry: a `.ts` source, and its built `.js` files to try first (lib/startWorker.ts). */
  source: string;
  built?: string | readonly string[];
  request: R;
  maxAhead: number;
  /** Names the thread in errors: "the demo's generation thread". */
  name: string;
  /** Turns a worker's error into the error to reject with (e.g. a CoreError when it has a code); default: a plain Error naming the thread. */
  toError?: (error: ProducerError) => Error;
}

export interface ProducerResult<E> {
  /** True when `consume` asked to stop before the end. */
  stopped: boolean;
  /** What the worker's producer returned (absent when stopped). */
  value?: E;
  /** The worker thread's own CPU time, where the runtime can tell (absent when stopped). */
  cpuSeconds?: number;
}

/**
 * Starts the worker and hands each item to `consume`, in order, on this thread. `consume` returns
 * true to stop: the worker is told and the promise resolves at once with `stopped`. A throw from
 * `consume` rejects and terminates the worker. `consume` may return a promise (a job's test hold):
 * the items after it, and the end, wait for it, and the worker, its items not consumed, waits too.
 */
export function runProducer<R, T, E>(options: ProducerOptions<R>, consume: (item: T) => boolean | void | Promise<boolean | void>): Promise<ProducerResult<E>> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const data: ProducerData<R> = { request: options.request, maxAhead: options.maxAhead, control: control.buffer };
  const worker = startWorker(options.source, { built: options.built, workerData: data });
  const toError = options.toError ?? ((error: ProducerError) => new Error(`${options.name} failed: ${error.message}`));
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      Atomics.store(control, STOP, 1);
      Atomics.notify(control, AHEAD);
      then();
    };
    const fail = (error: unknown) => {
      settle(() => reject(error instanceof Error ? error : new Error(String(error))));
      void worker.terminate();
    };
    const consumed = (stop: boolean | void) => {
      if (settled) return;
      Atomics.sub(control, AHEAD, 1);
      Atomics.notify(control, AHEAD);
      if (stop) settle(() => resolve({ stopped: true }));
    };
    const handle = (message: FromProducer<T, E>): Promise<void> | void => {
      if (settled) return;
      if (message.type === 'error') return settle(() => reject(toError(message)));
      if (message.type === 'end') return settle(() => resolve({ stopped: false, value: message.value, cpuSeconds: message.cpuSeconds }));
      let stop: ReturnType<typeof consume>;
      try {
        stop = consume(message.item);
      } catch (error) {
        return fail(error);
      }
      if (stop instanceof Promise) return stop.then(consumed, fail);
      consumed(stop);
    };
    // Set once a consume has returned a promise: what arrives later (items, the end, the worker's exit after it) waits its turn.
    let behind: Promise<void> | undefined;
    const inTurn = (then: () => Promise<void> | void) => {
      if (behind) behind = behind.then(then);
      else {
        const next = then();
        if (next) behind = next;
      }
    };
    worker.on('message', (message: FromProducer<T, E>) => inTurn(() => handle(message)));
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => inTurn(() => settle(() => reject(new Error(`${options.name} ended (exit code ${code}) before the last item`)))));
  });
}

/** Thrown out of `send` once the consumer wants no more: the producer unwinds (its finally blocks run) and the worker ends quietly. */
export class ProducerStopped extends Error {
  constructor() {
    super('the consumer stopped the producer');
  }
}

/**
 * The worker's side, called once from its entry file: runs `produce` with the request and a `send`
 * that posts one item and then waits while `maxAhead` items are not yet consumed. `send` throws
 * ProducerStopped once the consumer has stopped. What `produce` returns is posted as the end.
 */
export function produceInWorker<R, T, E>(produce: (request: R, send: (item: T) => void) => E | Promise<E>): void {
  const data = workerData as ProducerData<R>;
  const control = new Int32Array(data.control);
  const post = (message: FromProducer<T, E>) => parentPort!.postMessage(message);
  const send = (item: T) => {
    if (Atomics.load(control, STOP) === 1) throw new ProducerStopped();
    // Counted before it is posted, so the consumer's decrement can never come first.
    Atomics.add(control, AHEAD, 1);
    post({ type: 'item', item });
    for (let ahead = Atomics.load(control, AHEAD); ahead >= data.maxAhead && Atomics.load(control, STOP) === 0; ahead = Atomics.load(control, AHEAD)) {
      Atomics.wait(control, AHEAD, ahead, 1_000);
    }
  };
  Promise.resolve()
    .then(() => produce(data.request, send))
    .then(
      (value) => {
        const cpu = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : undefined;
        post({ type: 'end', value, ...(cpu ? { cpuSeconds: (cpu.user + cpu.system) / 1e6 } : {}) });
      },
      (error: unknown) => {
        if (error instanceof ProducerStopped) return;
        const { code, issues } = (error ?? {}) as { code?: unknown; issues?: InputIssue[] };
        const message = error instanceof Error ? error.message : String(error);
        post({ type: 'error', message, ...(typeof code === 'string' && error instanceof Error && error.name === 'CoreError' ? { code: code as ErrorCode, issues } : {}) });
      },
    );
}
