// One lint toolchain for the whole tree. The rule that matters most here is the UI/core split:
// src/core must stay plain Node so that --yes, the benchmarks and the wizard share it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['ink', 'ink-*', 'react', 'react/*', 'react-dom'],
              message: 'src/core is plain Node: no Ink or React.',
            },
            {
              group: ['**/components/**', '**/components'],
              message: 'src/core must not import the UI.',
            },
            {
              group: ['**/standin/**'],
              message: 'src/core must not depend on the factory stand-in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/standin/**', 'src/scripts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['bench/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
