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
    // A relative import without extension, as the code base writes them: tsx resolves it.
    writeFileSync(join(dir, 'twice.ts'), 'export const twice = (n: number): number => n * 2;\n');
    const source = join(dir, 'main.ts');
    writeFileSync(
      source,
      "import { parentPort, workerData } from 'node:worker_threads';\nimport { twice } from './twice';\nparentPort!.postMessage(twice(workerData.n as number));\n",
    );
    const worker = startWorker(source, { workerData: { n: 21 } });
    const [answer] = (await once(worker, 'message')) as [number];
    expect(answer).toBe(42);
    await worker.terminate();
  });

  it('prefers the first built file that exists, without tsx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-worker-'));
    const built = join(dir, 'entry.js');
    writeFileSync(built, '');
    expect(workerScript(join(dir, 'entry.ts'), [join(dir, 'missing.js'), built])).toEqual({ file: built, viaTsx: false });
    expect(workerScript(join(dir, 'entry.ts'), join(dir, 'missing.js'))).toEqual({ file: join(dir, 'entry.ts'), viaTsx: true });
  });
});
