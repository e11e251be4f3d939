// The help-desk ticket CSV the benchmarks import (the import bench, the event-loop bench): Zendesk-
// shaped rows for the helpdesk-tickets preset, like tests/fixtures/import/generate.ts's ticketsCsv,
// written 50,000 at a time so a 1M-row file is never one string.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

const CHANNELS = ['email', 'Web', 'chat', 'phone'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/** Writes `count` ticket rows spread over organisations ACC-1…ACC-`accounts`; returns the file's size in bytes. */
export function writeTicketsCsv(path: string, count: number, accounts: number): number {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, 'Id,Organization,Subject,Created at,First reply time in minutes,Solved at,Priority,Via,Status,Satisfaction Score,Tags\n');
    const base = Date.UTC(2025, 0, 1);
    let chunk = '';
    for (let i = 1; i <= count; i++) {
      const opened = base + (i % 500_000) * 60_000;
      const solved = i % 5 === 0 ? '' : new Date(opened + 3_600_000).toISOString();
      chunk += `T-${i},ACC-${(i % accounts) + 1},"Cannot log in, again",${new Date(opened).toISOString()},${i % 90},${solved},${PRIORITIES[i % 4]},${CHANNELS[i % 4]},${solved ? 'solved' : 'open'},${i % 7 === 0 ? '' : (i % 5) + 1},login\n`;
      if (i % 50_000 === 0) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}
