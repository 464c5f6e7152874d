import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'apps/api/drizzle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The contract package stands alone: nothing from the server, the database or the browser.
    files: ['packages/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/apps/**', 'drizzle-orm*', 'express', 'react', 'pg', '@electric-sql/*'] },
      ],
    },
  },
  {
    // The web client never reaches into the server or its database layer.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { boundaries, 'react-hooks': reactHooks },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/include': ['apps/web/src/**/*'],
      'boundaries/elements': [
        { type: 'app', pattern: 'apps/web/src/app' },
        { type: 'feature', pattern: 'apps/web/src/features/*', capture: ['feature'] },
        {
          type: 'shared',
          pattern: ['apps/web/src/components', 'apps/web/src/lib', 'apps/web/src/locales', 'apps/web/src/test'],
        },
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/apps/api/**', 'drizzle-orm*', 'express', 'pg'],
          // An unnamed close button fails WCAG 4.1.2; NamedModal gives it its name in the reader's language.
          paths: [{ name: '@mantine/core', importNames: ['Modal', 'Drawer'], message: 'Use NamedModal from components.' }],
        },
      ],
      // One-way imports: shared pieces, then features, then the app layer; features never import each other.
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            {
              from: { element: { type: 'shared' } },
              allow: { to: { element: { type: 'shared' } } },
            },
            {
              from: { element: { type: 'feature' } },
              allow: {
                to: [
                  { element: { type: 'shared' } },
                  { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } },
                ],
              },
            },
            {
              from: { element: { type: 'app' } },
              allow: { to: { element: { types: { anyOf: ['shared', 'feature', 'app'] } } } },
            },
          ],
        },
      ],
    },
  },
  {
    // Words the user reads come from the language files: a literal string rendered by JSX, as text or
    // in an attribute a person reads or hears (label, title, aria-label, placeholder, ...), fails.
    files: ['apps/web/src/**/*.tsx'],
    ignores: ['**/*.test.tsx', 'apps/web/src/test/**', 'apps/web/src/app/testing/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'should-validate-template': true,
          // Attributes that style, place or wire an element; no one reads them.
          'jsx-attributes': {
            exclude: [
              'className',
              'style',
              'styles',
              'key',
              'id',
              'name',
              'type',
              'role',
              'href',
              'to',
              'rel',
              'target',
              'htmlFor',
              'aria-hidden',
              'aria-live',
              'aria-labelledby',
              'aria-describedby',
              'aria-controls',
              'data-.*',
              'c',
              'color',
              'bg',
              'variant',
              'size',
              'fz',
              'fw',
              'ff',
              'tt',
              'ta',
              'lh',
              'w',
              'h',
              'maw',
              'miw',
              'mah',
              'mih',
              'radius',
              'shadow',
              'gap',
              'spacing',
              'verticalSpacing',
              'padding',
              'p[trblxy]?',
              'm[trblxy]?',
              'align',
              'justify',
              'wrap',
              'orientation',
              'position',
              'component',
              'visibleFrom',
              'hiddenFrom',
              'autoComplete',
              'inputMode',
              'autoCapitalize',
              'accept',
              'pattern',
              'scope',
              'captionSide',
              'listStyleType',
              'curveType',
              'dataKey',
              'fileName',
              'textAnchor',
              'fill',
              'labelWidth',
            ],
          },
          // What a function is handed is a code or a key; its result is what shows, and is checked where written.
          callees: { exclude: ['.*'] },
          words: {
            exclude: [
              // Digits and punctuation, separators such as ' · ' and ' – ' between translated parts.
              '[0-9!-/:-@[-`{-~]+',
              '[\\s·–—…]+',
              '[A-Z_-]+',
              // Codes: field names and enum values, one lowercase word, camelCase or joined with - or _.
              '[a-z][a-zA-Z0-9]*([-_][a-zA-Z0-9]*)*',
            ],
          },
          // A chart series' colour, a download's file name.
          'object-properties': { exclude: ['[A-Z_-]+', 'color', 'fileName'] },
        },
      ],
    },
  },
  {
    // The one place that wraps Mantine's dialog (its code in a chunk of its own, loaded on first opening).
    files: ['apps/web/src/components/named-modal.tsx', 'apps/web/src/components/modal-dialog.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/apps/api/**', 'drizzle-orm*', 'express', 'pg'] }] },
  },
  {
    // The API in layers (docs/architecture.md): db and core at the bottom; access, audit, realtime
    // and mail on them; the route kit on those; features on the kernel, and on each other only
    // through a feature's index.ts; the composition root and command-line entries on everything.
    files: ['apps/api/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'boundaries/include': ['apps/api/src/**/*'],
      'boundaries/elements': [
        { type: 'test-support', pattern: 'apps/api/src/test' },
        { type: 'db', pattern: 'apps/api/src/db' },
        { type: 'core', pattern: 'apps/api/src/core' },
        { type: 'access', pattern: 'apps/api/src/access' },
        { type: 'audit', pattern: 'apps/api/src/audit' },
        { type: 'realtime', pattern: 'apps/api/src/realtime' },
        { type: 'mail', pattern: 'apps/api/src/mail' },
        { type: 'route-kit', pattern: 'apps/api/src/http' },
        { type: 'feature', pattern: 'apps/api/src/features/*', capture: ['feature'] },
      ],
      'boundaries/files': [
        { category: 'test', pattern: ['**/*.test.ts', 'apps/api/src/test/**', '**/*test-fixtures.ts'] },
        // The composition root (app, server, route table, socket server, Redis adapter) and the command-line entries.
        { category: 'entry', pattern: ['apps/api/src/*.ts', 'apps/api/src/**/*.cli.ts'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'db' } }, allow: { to: { element: { type: 'db' } } } },
            { from: { element: { type: 'core' } }, allow: { to: { element: { type: 'core' } } } },
            {
              from: { element: { types: { anyOf: ['access', 'audit', 'realtime', 'mail'] } } },
              allow: {
                to: [{ element: { type: '{{ from.element.type }}' } }, { element: { types: { anyOf: ['db', 'core'] } } }],
              },
            },
            {
              from: { element: { type: 'route-kit' } },
              allow: {
                to: { element: { types: { anyOf: ['route-kit', 'access', 'audit', 'realtime', 'mail', 'db', 'core'] } } },
              },
            },
            {
              from: { element: { type: 'feature' } },
              allow: {
                to: [
                  { element: { types: { anyOf: ['route-kit', 'access', 'audit', 'realtime', 'mail', 'db', 'core'] } } },
                  { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } },
                  // Another feature only through its public index.
                  { element: { type: 'feature', fileInternalPath: 'index.ts' } },
                ],
              },
            },
            // The composition root and the command-line entries wire everything; tests may reach anything they test.
            {
              from: { file: { categories: { anyOf: ['entry', 'test'] } } },
              allow: { to: [{ element: { type: '*' } }, { file: { categories: 'entry' } }] },
            },
            // Nothing but tests imports the composition root.
            {
              from: { file: { categories: { noneOf: ['entry', 'test'] } } },
              disallow: { to: { file: { categories: 'entry' } } },
            },
          ],
        },
      ],
    },
  },
);
