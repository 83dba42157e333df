import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layers } from './eslint/layers.js';

const LAYER_ZONES = [
  {
    target: 'src/http',
    from: 'src/store',
    message: 'src/http reaches the database only through src/services.',
  },
  {
    target: 'src/domain',
    from: 'src',
    except: ['src/domain'],
    message: 'src/domain is pure: it imports nothing from the other layers.',
  },
  {
    target: 'web/src',
    from: 'src',
    message: 'The portal knows the server only by its API (web/src/api), never its source.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'data/',
      'node_modules/',
      'test-results/',
      'web/dist/',
      'web/src/api/schema.d.ts',
      'src/cli/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // The dependency rule of docs/architecture.md, checked where each import resolves.
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', LAYER_ZONES] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:fs*',
                'node:net',
                'node:http*',
                'fs',
                'kysely',
                'fastify',
                'pg',
                'better-sqlite3',
              ],
              message: 'src/domain does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes from the Clock in the context, never new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time comes from the Clock in the context, never Date.now().',
        },
      ],
    },
  },
  {
    // The portal: React in the browser, with the rules of hooks.
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/**/*.ts'],
    // Tests read JSON answers, which are untyped by nature; they assert their shape instead.
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['*.js', 'bin/*.js', 'eslint/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
);
