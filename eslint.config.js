/**
 * ESLint: typescript-eslint's strict and stylistic rules with type information for the TypeScript
 * (src/, scripts/, test/, vitest.config.ts, all in tsconfig.json), and the recommended JavaScript
 * rules for the browser scripts of the preview and report pages, which tsconfig.json does not include.
 * Formatting is Prettier's: neither preset sets layout rules.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-artifacts/', 'corpus/', 'tmp/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // Counts, ports and milliseconds go into messages as they are; String(n) everywhere is noise.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowAny: false,
          allowBoolean: false,
          allowNever: false,
          allowNullish: false,
          allowNumber: true,
          allowRegExp: false,
        },
      ],
      // `(x) => resolve(x)` and `() => clearTimeout(t)` are ordinary callbacks, not confused returns.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string into code points is how this code counts and splits Japanese characters.
      '@typescript-eslint/no-misused-spread': ['error', { allow: ['string'] }],
      // Asks for `x!` where no-non-null-assertion (strict) forbids it; the code writes `x as T`.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // In-memory ports implement Promise-returning interfaces with `async` so a throw rejects, as in production.
      '@typescript-eslint/require-await': 'off',
      // A no-op is a deliberate value: a fake port's method, a warm-up callback, an event handled elsewhere.
      '@typescript-eslint/no-empty-function': 'off',
      // The same convention as tsc's noUnusedParameters: a leading _ marks a parameter or a dropped property on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/preview/public/**/*.js', 'src/report-page/public/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['eslint.config.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
);
