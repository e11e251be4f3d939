// `npm test`: typecheck, lint, format check, build, then every vitest project (node, renderer, e2e),
// and a last plain line "N passed, N failed" that counts the tests plus each of those steps.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'tests/artifacts');
const extra = process.argv.slice(2);
// Kept in step with package.json's lint and format scripts.
const LINT_ARGS = ['--config', 'tests/lint/eslint.config.mjs', '--report-unused-disable-directives', '--max-warnings', '0', 'electron', 'renderer', 'shared', 'tests'];
const FORMAT_PATHS = ['electron', 'renderer', 'shared', 'tests'];

const run = (label, command, args) => {
  console.log(`\n> ${label}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false }).status === 0;
};

/** One vitest run; its output is prefixed by the lane's name when two run at once. Resolves to its JSON report. */
function runLane({ name, args }) {
  const report = join(artifacts, `vitest-${name}.json`);
  rmSync(report, { force: true });
  console.log(`\n> tests (${name})`);
  const child = spawn('vitest', ['run', '--config', 'tests/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // No colours: two runs' lines interleave in one log.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  return new Promise((resolve) => {
    child.on('close', () => {
      try {
        resolve(JSON.parse(readFileSync(report, 'utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

let passed = 0;
let failed = 0;
const step = (ok) => (ok ? passed++ : failed++);

mkdirSync(artifacts, { recursive: true });
step(run('typecheck', 'tsc', ['-b']));
// ESLint's cache (node_modules/.cache) skips files whose content is unchanged, so a second local run
// takes seconds; it does not see that a file's imports changed, which a fresh clone (CI) lints anew.
step(run('lint', 'eslint', [...LINT_ARGS, '--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/']));
step(run('format', 'prettier', ['--check', '--log-level', 'warn', ...FORMAT_PATHS]));
step(run('build', 'electron-vite', ['build', '--logLevel', 'warn']));
// Three vitest runs side by side: the node and renderer projects in one, the browser tests split in
// two halves by file (--shard) in the others. vitest gives each run one worker on a two-core machine,
// and the browser tests spend much of their time waiting on Chromium and the core's process: with one
// browser lane the node lane ended at about half the run and the second core idled after it.
// Arguments (a project, a file) mean a single run, as before.
const lanes =
  extra.length > 0
    ? [{ name: 'tests', args: extra }]
    : [
        { name: 'node', args: ['--project', 'node', '--project', 'renderer'] },
        { name: 'e2e-1', args: ['--project', 'e2e', '--shard=1/2'] },
        { name: 'e2e-2', args: ['--project', 'e2e', '--shard=2/2'] },
      ];
const results = await Promise.all(lanes.map((lane) => runLane(lane)));
for (const result of results) {
  if (!result) {
    console.error('vitest wrote no report: counting the test run as failed');
    failed += 1;
    continue;
  }
  passed += result.numPassedTests;
  // A file that failed to load has no tests in it but is still a failure.
  failed += result.numFailedTests + result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
