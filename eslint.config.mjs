// Lint: typescript-eslint on every project, and Nx module boundaries so that the domain never
// imports a driver, ports stay driver-free, and the SPA never imports server code.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const drivers = ['better-sqlite3', 'mongodb', '@eventstore/*', 'bullmq', 'ioredis', '@nestjs/*', 'express'];
const ui = ['react', 'react-dom', 'react-*', '@tanstack/*', '@mantine/*', '@fullcalendar/*', 'i18next'];

// Tests may also use the test helpers of tools/testing (real Redis instances, free ports).
function boundaries({ tests }) {
  const extra = tests ? ['scope:tools'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'scope:domain',
        onlyDependOnLibsWithTags: ['scope:domain', 'scope:shared', ...extra],
        bannedExternalImports: [...drivers, ...ui],
      },
      {
        sourceTag: 'scope:shared',
        onlyDependOnLibsWithTags: ['scope:shared', ...extra],
        bannedExternalImports: [...drivers, ...ui],
      },
      {
        sourceTag: 'scope:port',
        onlyDependOnLibsWithTags: ['scope:port', 'scope:domain', 'scope:shared', ...extra],
        bannedExternalImports: [...drivers, ...ui],
      },
      {
        sourceTag: 'scope:server',
        onlyDependOnLibsWithTags: ['scope:server', 'scope:port', 'scope:domain', 'scope:shared', ...extra],
        bannedExternalImports: ui,
      },
      {
        sourceTag: 'scope:web',
        onlyDependOnLibsWithTags: ['scope:web', 'scope:domain', 'scope:shared', ...extra],
        bannedExternalImports: drivers,
      },
      {
        sourceTag: 'scope:tools',
        onlyDependOnLibsWithTags: [
          'scope:server',
          'scope:port',
          'scope:domain',
          'scope:shared',
          'scope:tools',
        ],
      },
    ],
  };
}

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/data',
      '**/test-output',
      '**/coverage',
      '**/.nx',
      '**/vite.config.*.timestamp*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ tests: false })],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['apps/desk/**/*.tsx', 'apps/desk/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Test code: specs and the test-support folders they share.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ tests: true })] },
  },
  {
    // Config files reach the workspace's shared presets by relative path, by design.
    files: ['**/jest.config.js', '**/vite.config.ts', '**/*.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
  },
];
