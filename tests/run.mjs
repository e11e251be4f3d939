// `npm test`: typecheck, build, then every vitest project (node, renderer, e2e), and a last plain
// line "N passed, N failed" that counts the tests plus the typecheck and build steps.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'tests/artifacts/vitest.json');
const extra = process.argv.slice(2);

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
step(run('build', 'electron-vite', ['build', '--logLevel', 'warn']));
run('tests', 'vitest', [
  'run', '--config', 'tests/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...extra,
]);
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
