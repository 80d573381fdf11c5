// Lint config. Besides the usual TypeScript rules it keeps the layers honest:
// drivers/ → main/ → renderer/, imports only pointing down (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node: no Node built-ins.' })) };
const noUi = [
  { group: ['electron', 'electron/*'], message: 'drivers/ knows nothing of Electron.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'drivers/ knows nothing of React.' },
  { group: ['**/main/**', '**/main', '**/renderer/**'], message: 'drivers/ may not import main/ or renderer/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'test-results/', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Every driver (drivers/remote, the Demo host in drivers/demo, …) knows nothing of Electron, React, main/.
    files: ['drivers/**/*.ts'],
    ignores: ['drivers/xml/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUi }] },
  },
  {
    // The XML models are isomorphic: the renderer uses them too.
    files: ['drivers/xml/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...noNode, patterns: noUi }] },
  },
  {
    // The contract and the driver interfaces are isomorphic: the renderer reads them, so no Node and nothing
    // beyond themselves (the contract may use zod and the driver interfaces; nothing of main's services).
    files: ['main/api/contract/**/*.ts', 'drivers/api.ts', 'drivers/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...noNode,
        patterns: [
          ...noUi,
          { group: ['../*', '!../api.js', '!../api/*'], message: 'The contract stands alone: import only within it.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/api/contract/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*'], message: 'main/ does not render.' },
          { group: ['**/renderer/**'], message: 'main/ may not import renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        ...noNode,
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer reaches Electron only through the preload contract.' },
          { group: ['**/drivers/remote/**', '**/drivers/demo/**', '**/drivers/index*'], message: 'The renderer talks to the API contract, not to drivers.' },
          { regex: '(^|/)main/(?!api/contract/)', message: 'The renderer imports only the API contract (main/api/contract/**) from main/.' },
        ],
      }],
    },
  },
);
