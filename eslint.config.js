// One lint toolchain for the whole tree. The rule that matters most here is the UI/core split:
// src/core must stay plain Node so that --yes, the benchmarks and the wizard share it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Core folders with a public surface: outside the folder, only its index.ts may be imported, so
// what a folder keeps private stays private (issue 11).
const PUBLIC_SURFACE_FOLDERS = [
  'artifacts',
  'bundle',
  'catalogue',
  'diff',
  'download',
  'factory',
  'format',
  'fs',
  'http',
  'installer',
  'kubernetes',
  'manifest',
  'oci',
  'pipeline',
  'preflight',
  'project-file',
  'provenance',
  'publish',
  'registry',
  'schematic',
  'signing',
  'status',
  'text',
  'verify',
  'versions',
];

/** Import patterns that reach into a core folder past its index, as written from `prefix`. */
function internalsOf(prefix) {
  return PUBLIC_SURFACE_FOLDERS.map((folder) => ({
    group: [`**/${prefix}${folder}/**`, `!**/${prefix}${folder}/index.js`],
    message: `Import src/core/${folder} through its index.ts; the other files are its internals.`,
  }));
}

/** Plain-Node rules for every file in src/core. */
const CORE_PATTERNS = [
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
  // From one core folder to another the path is ../<folder>/…; inside a folder it is ./…
  ...internalsOf(''),
];

// One HTTP layer per run (issue: "no module makes its own client from env"): got and its proxy
// agents are src/core/http's internals; everyone else takes the injected Http and its types.
const HTTP_CLIENT_ONLY_IN_HTTP = {
  group: ['got', 'got/*', 'hpagent'],
  message:
    'Only src/core/http uses got or hpagent: take the injected Http (and its types) from core/http.',
};

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
    ignores: ['src/core/http/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...CORE_PATTERNS, HTTP_CLIENT_ONLY_IN_HTTP] },
      ],
    },
  },
  {
    // The HTTP layer itself is the one place got and hpagent are used.
    files: ['src/core/http/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_PATTERNS }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...internalsOf('core/'), HTTP_CLIENT_ONLY_IN_HTTP] },
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
        // One message style: errors start in lower case (they follow "error: "), except for
        // names and acronyms such as ISO or SHA-256.
        {
          selector:
            'NewExpression[callee.name=/Error$/] > Literal[value=/^(?!Kubernetes|Talos|SecureBoot|Node|Docker|Ctrl)[A-Z][a-z]/]',
          message: 'Error messages start in lower case (they are printed after "error: ").',
        },
        {
          selector:
            'NewExpression[callee.name=/Error$/] > TemplateLiteral > TemplateElement:first-child[value.raw=/^(?!Kubernetes|Talos|SecureBoot|Node|Docker|Ctrl)[A-Z][a-z]/]',
          message: 'Error messages start in lower case (they are printed after "error: ").',
        },
      ],
    },
  },
  {
    files: ['bench/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
