// @ts-check
/**
 * Lint: ESLint's and typescript-eslint's recommended rules, without type information so a
 * run stays fast (`npx tsc -p tsconfig.json --noEmit` does the type checking).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Every global this Node has (process, console, URL, fetch, …), for scripts and configs. */
const nodeGlobals = Object.fromEntries(
  Object.getOwnPropertyNames(globalThis).map((name) => [name, /** @type {const} */ ('readonly')]),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/node_modules/**',
      'data/**',
      'docs/api/**',
      'coverage/**',
      'test-results/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose (callbacks, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Build scripts and tool configs run in Node.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The demo site's plain scripts run in the browser; TypeScript is not checking them, so
    // let ESLint know the DOM globals by not flagging undefined names there.
    files: ['examples/**/*.js', 'examples/**/*.mjs'],
    rules: { 'no-undef': 'off' },
  },
);
