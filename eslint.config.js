import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', Headers: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The web app's API modules take their shapes from the server's schemas (web/README.md, "API
    // types"): a shape written here again is a copy that drifts. The client plumbing is exempt.
    files: ['web/src/api/**/*.ts', 'web/src/pages/**/api.ts', 'web/src/pages/**/*-api.ts'],
    ignores: ['web/src/api/client.ts', 'web/src/api/resource.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['TSInterfaceDeclaration', 'TSTypeAliasDeclaration > TSTypeLiteral'].map((selector) => ({
          selector,
          message: "API shapes come from the module's contract: `import type { X } from '…/src/modules/<module>/api.ts'`.",
        })),
      ],
    },
  },
  {
    // The web reaches the server only through each module's api.ts (its HTTP contract), and for
    // its types only: a value import would bundle TypeBox and every schema of the module.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/modules/*/api.ts', '**/src/kernel/api.ts'], allowTypeImports: true, message: 'Import API types with `import type`.' },
            {
              group: ['**/src/**', '!**/src/modules/*/api.ts', '!**/src/kernel/api.ts'],
              message: "The web app takes server shapes from the module's contract: `import type { X } from '…/src/modules/<module>/api.ts'`.",
            },
          ],
        },
      ],
    },
  },
);
