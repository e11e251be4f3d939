import { call } from '../../api/client';
import { listen } from '../../api/transport';
import { readProgress, type Progress } from './settingsForm';

/** The model version scores are computed with now, read from one account's explanation (null without accounts). */
export async function currentModelVersion(): Promise<string | null> {
  const first = await call('accounts.list', { pageSize: 1, sort: { field: 'name', direction: 'asc' } });
  const account = first.rows[0];
  return account ? (await call('health.explain', { id: account.id })).modelVersion : null;
}

/** Listens to the core's progress events for long work while `work` runs. */
export async function withProgress<T>(names: string[], onProgress: (progress: Progress, name: string) => void, work: () => Promise<T>): Promise<T> {
  const stop = listen((event) => {
    if (!names.includes(event.name)) return;
    const progress = readProgress(event);
    if (progress) onProgress(progress, event.name);
  });
  try {
    return await work();
  } finally {
    stop();
  }
}
