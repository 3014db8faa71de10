// Lint: type-checked TypeScript, React hooks, and the layer table of ARCHITECTURE.md
// enforced as import restrictions (each layer lists what it may not reach).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  regex: '^(node:|(fs|path|os|crypto|http|https|net|child_process|url|util|stream|zlib|worker_threads)(/|$))',
  message: 'This layer runs in the renderer too: no Node built-ins.',
};
const electronOnly = { name: 'electron', message: 'Only electron/ may import electron.' };
const noNativeOrDb = {
  regex: '^(better-sqlite3|drizzle-orm|drizzle-kit)(/|$)',
  message: 'Only src/db touches the database.',
};
const noReact = { regex: '^react(-dom)?(/|$)', message: 'React belongs to src/renderer only.' };

/** `layers` are the sibling folders under src/ that this layer must not import. */
const notFrom = (layers, message) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message,
});

const restrict = (files, patterns, paths = [electronOnly]) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'migrations/**', 'assets/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', '*.config.mjs', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // No import circles: every folder reads top-down (a shared piece gets a file of its own).
  {
    files: ['src/**/*.{ts,tsx}', 'electron/**/*.ts', 'tests/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // The layer table.
  restrict(
    ['src/domain/**'],
    [
      { regex: '^\\.\\./', message: 'src/domain imports nothing of the project outside itself.' },
      nodeBuiltins,
      noNativeOrDb,
      noReact,
    ],
  ),
  restrict(
    ['src/contract/**'],
    [
      notFrom(
        ['db', 'services', 'server', 'cli', 'pdf', 'signing', 'export', 'backup', 'renderer', 'electron'],
        'src/contract may import src/domain only.',
      ),
      nodeBuiltins,
      noNativeOrDb,
      noReact,
    ],
  ),
  restrict(
    ['src/db/**'],
    [
      notFrom(
        ['contract', 'services', 'server', 'cli', 'pdf', 'signing', 'export', 'backup', 'renderer', 'electron'],
        'src/db may import src/domain only.',
      ),
      noReact,
    ],
  ),
  restrict(
    ['src/pdf/**'],
    [
      notFrom(
        ['contract', 'db', 'services', 'server', 'cli', 'renderer', 'export', 'backup', 'electron'],
        'src/pdf may import src/domain, and the signature placeholder format of src/signing.',
      ),
      {
        regex: '^(\\.\\./)+signing/(?!placeholder-format$)',
        message: 'Of src/signing, src/pdf may import only the signature placeholder format.',
      },
      noNativeOrDb,
      noReact,
    ],
  ),
  ...['signing', 'export'].map((layer) =>
    restrict(
      [`src/${layer}/**`],
      [
        notFrom(
          [
            'contract',
            'db',
            'services',
            'server',
            'cli',
            'renderer',
            'pdf',
            'signing',
            'export',
            'backup',
            'electron',
          ].filter((other) => other !== layer),
          `src/${layer} may import src/domain only.`,
        ),
        noNativeOrDb,
        noReact,
      ],
    ),
  ),
  // Backups: Node-only like src/export, but they copy and check ledger files, so src/db too.
  restrict(
    ['src/backup/**'],
    [
      notFrom(
        ['contract', 'services', 'server', 'cli', 'renderer', 'pdf', 'signing', 'export', 'electron'],
        'src/backup may import src/domain and src/db only.',
      ),
      noNativeOrDb,
      noReact,
    ],
  ),
  restrict(
    ['src/services/**'],
    [
      notFrom(['server', 'cli', 'renderer', 'electron'], 'Services are called by adapters, never the other way round.'),
      noNativeOrDb,
      noReact,
    ],
  ),
  restrict(
    ['src/server/**'],
    [
      notFrom(
        ['db', 'pdf', 'signing', 'export', 'backup', 'renderer', 'cli', 'electron'],
        'Adapters reach the disk only through src/services.',
      ),
      noNativeOrDb,
      noReact,
    ],
  ),
  restrict(
    ['src/cli/**'],
    [
      notFrom(
        ['db', 'pdf', 'signing', 'export', 'backup', 'renderer', 'electron'],
        'Adapters reach the disk only through src/services (src/cli may also start src/server).',
      ),
      noNativeOrDb,
      noReact,
    ],
  ),
  restrict(
    ['src/renderer/**'],
    [
      notFrom(
        ['db', 'services', 'server', 'cli', 'pdf', 'signing', 'export', 'backup', 'electron'],
        'The renderer may import src/contract and src/domain only.',
      ),
      nodeBuiltins,
      noNativeOrDb,
    ],
  ),
  restrict(
    ['electron/**'],
    [
      {
        regex: '^\\.\\./src/(db|pdf|signing|export|backup|cli|renderer)(/|$)',
        message: 'electron/ reaches the back end through src/services (and starts src/server to share the ledger).',
      },
      noNativeOrDb,
      noReact,
    ],
    [],
  ),
  restrict(['tests/**'], []),
);
