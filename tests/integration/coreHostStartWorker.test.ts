// lib/startWorker: a worker entry written in TypeScript runs under tests (through tsx), and a built
// `.js` beside it is preferred when there is one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startWorker, workerScript } from '../../electron/core/lib/startWorker';

describe('startWorker', () => {
  it('runs a .ts entry through tsx and passes workerData', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-worker-'));
    const source = join(dir, 'twice.ts');
    writeFileSync(source, "import { parentPort, workerData } from 'node:worker_threads';\nconst n: number = workerData.n;\nparentPort!.postMessage(n * 2);\n");
    const worker = startWorker(source, { workerData: { n: 21 } });
    const [answer] = (await once(worker, 'message')) as [number];
    expect(answer).toBe(42);
    await worker.terminate();
  });

  it('prefers the first built file that exists, without tsx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-worker-'));
    const built = join(dir, 'entry.js');
    writeFileSync(built, '');
    expect(workerScript(join(dir, 'entry.ts'), [join(dir, 'missing.js'), built])).toEqual({ file: built, execArgv: [] });
    expect(workerScript(join(dir, 'entry.ts'), join(dir, 'missing.js'))).toEqual({ file: join(dir, 'entry.ts'), execArgv: ['--import', 'tsx'] });
  });
});
