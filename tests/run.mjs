// `npm test`: typecheck, lint, format check, build, then every vitest project (node, renderer, e2e),
// and a last plain line "N passed, N failed" that counts the tests plus each of those steps.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'tests/artifacts/vitest.json');
const extra = process.argv.slice(2);
// Kept in step with package.json's lint and format scripts.
const LINT_ARGS = ['--config', 'tests/lint/eslint.config.mjs', '--report-unused-disable-directives', '--max-warnings', '0', 'electron', 'renderer', 'shared', 'tests'];
const FORMAT_PATHS = ['electron', 'renderer', 'shared', 'tests'];

const run = (label, command, args) => {
  console.log(`\n> ${label}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false }).status === 0;
};

let passed = 0;
let failed = 0;
const step = (ok) => (ok ? passed++ : failed++);

mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
step(run('typecheck', 'tsc', ['-b']));
// ESLint's cache (node_modules/.cache) skips files whose content is unchanged, so a second local run
// takes seconds; it does not see that a file's imports changed, which a fresh clone (CI) lints anew.
step(run('lint', 'eslint', [...LINT_ARGS, '--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/']));
step(run('format', 'prettier', ['--check', '--log-level', 'warn', ...FORMAT_PATHS]));
step(run('build', 'electron-vite', ['build', '--logLevel', 'warn']));
run('tests', 'vitest', ['run', '--config', 'tests/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...extra]);
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  // A file that failed to load has no tests in it but is still a failure.
  failed += result.numFailedTests + result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} catch {
  console.error('vitest wrote no report: counting the test run as failed');
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
