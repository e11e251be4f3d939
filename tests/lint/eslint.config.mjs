// ESLint for electron/, renderer/, shared/ and tests/: `npm run lint`, and a step of `npm test`.
// It lives here, not beside package.json, because the top level of the repository is fixed;
// every eslint call passes `--config tests/lint/eslint.config.mjs`.
//
// Type-aware rules read the TypeScript projects (electron/, renderer/, tests/ tsconfig.json; the
// solution tsconfig.json at the root resolves shared/) through typescript-eslint's project service.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'require', 'module', '__dirname', '__filename', 'Buffer', 'URL', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']),
);

export default defineConfig(
  { ignores: ['out/**', 'node_modules/**', 'tests/artifacts/**', 'renderer/public/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers may be async: React ignores their return, and they report failures themselves (useAction, the wizard's error state).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unnecessary-condition': 'error',
      // A leading underscore marks a binding left unused on purpose (a rest-omit, a positional parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // db/schema.ts names each table as an interface over one mapped type, for readable errors.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Off: objects here are closures, not classes using `this`; a method-style member type says nothing about `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Off: an async function without await is how a handler or command meets its Promise-returning type and turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // Off: every control-character regex here is deliberate (file names, CSV cells, terminal output are cleaned of them).
      'no-control-regex': 'off',
    },
  },
  {
    // The issue allows frozen migrations to keep Kysely<any>: they are written once against the schema of their day.
    files: ['electron/core/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read JSON, chart options and raw rows as `any` and assert on them: a wrong shape fails the assertion.
    files: ['tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Off in tests: `app?.close()` guards what a failed beforeAll leaves unset, which the declared type cannot say.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
