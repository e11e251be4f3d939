// What the team workspace's change capture (issue 19, docs/team.md) costs an import: the same
// ticket CSV through import.commit into a workspace outside a team (no capture triggers exist
// there) and into one in a team (every row also gets a global id and a change-log entry in the same
// transaction), interleaved, best of two each, beside the insert limit measured in the same run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCapture } from '../../electron/core/team/capture';
import { writeState } from '../../electron/core/team/state';
import { accountsCsv, writeFixture } from '../fixtures/import/generate';
import { measured, withSeededCore } from './importChildSetup';
import { insertLimit } from './insertLimit';
import { writeTicketsCsv } from './ticketsCsv';
import type { Benchmark } from './types';

const ROWS = Number(process.env.FULCRUM_BENCH_TEAM_ROWS ?? 200_000);
const ACCOUNTS = 1_000;

async function importRate(dir: string, name: string, accounts: string, tickets: string, inTeam: boolean): Promise<number> {
  return withSeededCore(join(dir, `${name}.fulcrum`), accounts, async (core) => {
    if (inTeam) {
      // What team init leaves behind on the laptop, without a server: the state and the triggers.
      writeState(core.context.sqlite, { team_id: randomUUID(), client_id: randomUUID(), hlc: 0, offset_ms: 0, last_pulled_seq: 0 });
      installCapture(core.context.sqlite);
    }
    const input = { path: tickets, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 0, jobId: name, policy: 'reject' } as const;
    const { value: result, seconds } = await measured(() => core.dispatch('import.commit', input));
    if (!result.ok) throw new Error(result.error.message);
    const captured = core.context.sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number;
    if (captured !== (inTeam ? ROWS : 0)) throw new Error(`expected ${inTeam ? ROWS : 0} captured changes, found ${captured}`);
    return ROWS / seconds;
  });
}

export const teamBenchmark: Benchmark = {
  name: 'team',
  description: `team change capture: import ${ROWS.toLocaleString('en-US')} ticket rows outside a team and in one, beside the insert limit`,
  async run(ctx) {
    ctx.log('  measuring the insert limit (1,000,000 prepared ticket INSERTs) ...');
    const limit = await insertLimit();
    ctx.log(`  ${limit.what}`);
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-team-'));
    const n = (value: number) => Math.round(value).toLocaleString('en-US');
    try {
      const accounts = writeFixture(dir, 'accounts.csv', accountsCsv(ACCOUNTS));
      const tickets = join(dir, 'tickets.csv');
      writeTicketsCsv(tickets, ROWS, ACCOUNTS);
      const solo: number[] = [];
      const team: number[] = [];
      for (let i = 0; i < 2; i++) {
        solo.push(await importRate(dir, `solo${i}`, accounts, tickets, false));
        ctx.log(`  outside a team: ${n(solo.at(-1)!)} rows/s`);
        team.push(await importRate(dir, `team${i}`, accounts, tickets, true));
        ctx.log(`  in a team: ${n(team.at(-1)!)} rows/s`);
      }
      const off = Math.max(...solo);
      const on = Math.max(...team);
      return [
        {
          name: `team: import ${n(ROWS)} rows outside a team (no capture) / insert limit`,
          value: off / limit.rowsPerSecond,
          unit: 'x',
          limit: 0.7,
          better: 'higher',
          detail: `${n(off)} rows/s (best of 2) against ${limit.what}; the same figure as the import part's: a workspace outside a team has no triggers`,
        },
        {
          name: `team: import ${n(ROWS)} rows in a team (capture on) / outside a team`,
          value: on / off,
          unit: 'x',
          limit: 0.5,
          better: 'higher',
          detail: `${n(on)} rows/s against ${n(off)} rows/s (best of 2 each, interleaved); each row also gets a global id and a change-log entry`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
