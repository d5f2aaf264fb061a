// ESLint: typescript-eslint's type-aware recommended rules over src, web, test and scripts; Prettier owns the layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', '.neo4j*/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // src (Node), web/src (browser) and test each compile with their own settings.
        project: ['./tsconfig.json', './web/tsconfig.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_unused` parameters keep a callback's shape (graphology's (key, attributes, …) callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Numbers, booleans and nullish values in messages and SQL are intended.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
      // An async function without await is how an async interface is implemented (commander actions,
      // GraphStore methods, async generators as sources): dropping `async` would turn a rejection into
      // a synchronous throw. A forgotten await is caught by no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests and benchmarks read JSON answers and rows whose shape they assert: `any` there is the point.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain CommonJS scripts (benchmarks, generators, the build's asset step): no type information.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('crypto')` is the CommonJS way, not a clash with the global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // Code that runs in the page (playwright's page.evaluate) sees the browser's globals.
    files: [
      'web/src/**/*.ts',
      'test/web/**/*.ts',
      'test/server/viewer-token.test.ts',
      'scripts/bench-viewer.js',
      'scripts/relations/screenshot.js',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
