// ESLint (flat config) with typescript-eslint for lib/, tests/ and scripts/; formatting is left
// to Prettier (.prettierrc.json), whose conflicting rules eslint-config-prettier turns off.
//   npm run lint        ESLint, Prettier --check and the type check of scripts/ (tsconfig.scripts.json)
//   npm run format      Prettier --write over the same files
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'dist/',
    '.venv/',
    '.venv-bench/',
    'reports/',
    'screenshots/',
    'docs/',
    'notebooks/',
    'course/',
    'python/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // unused arguments and caught errors are often kept on purpose (signatures, `catch {}`)
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // the tools: CommonJS scripts run by node, typed by JSDoc (`// @ts-check`)
    files: ['scripts/**/*.js', 'bench/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('crypto')` is how a CommonJS script names node's module
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // tests feed wrong types on purpose (`'spec' as any`) to check the guards' messages
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
