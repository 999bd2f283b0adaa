// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
]

/**
 * What src/shared may import besides its own files. zod for the contract; the Markdown
 * parser of notes (micromark with GFM to mdast), so citations are read by the same parser
 * the preview and the reports render with. All four are pure ESM that import no Node
 * built-in, no DOM and no electron (their one DOM use, in decode-named-character-reference,
 * sits behind a "browser" export condition only a page bundle picks), so they run in main
 * and the renderer alike.
 */
const SHARED_PACKAGES = [
  'zod',
  'mdast-util-from-markdown',
  'mdast-util-gfm',
  'micromark-extension-gfm',
]

/**
 * The layers of DESIGN.md, enforced: where a file lives says which runtime it runs in.
 * test/lint-layers.test.ts proves these rules fire.
 */
const layerRules = [
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!(?:${SHARED_PACKAGES.join('|')})$)(?!\\.\\.?/)|(^|/)(main|renderer|preload)(/|$)`,
              message: `src/shared imports its own files and ${SHARED_PACKAGES.join(', ')} only: no Node, DOM, electron or other layers.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'src/main/core never imports electron: put it in src/main/electron.',
            },
            {
              name: 'node:http',
              message: 'src/main/core never imports node:http: put it in src/main/http.',
            },
            { name: 'http', message: 'src/main/core never imports http: put it in src/main/http.' },
            { name: 'node:https', message: 'src/main/core makes no network requests.' },
            { name: 'https', message: 'src/main/core makes no network requests.' },
          ],
          patterns: [
            {
              regex: '(^|/)(electron|http)(/|$)',
              message: 'src/main/core does not depend on the Electron shell or the HTTP adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...NODE_BUILTINS, 'electron'],
              message: 'The renderer is a web page: no Node or electron.',
            },
            {
              regex: '(^|/)(main|preload)(/|$)',
              message:
                'The renderer imports src/shared and its own files only; talk to main through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'The sandboxed preload has no Node modules.' },
            {
              regex: '(^|/)(main|renderer)(/|$)',
              message: 'The preload imports electron and src/shared only.',
            },
          ],
        },
      ],
    },
  },
]

/**
 * Test support (test/support/, e2e/support/) is for tests only: production code under src/
 * importing it would ship fast-check, injected disk faults or fixtures. It has a rule of its
 * own, no-restricted-syntax, so it adds to the layer rules' no-restricted-imports instead of
 * replacing them (a later block setting the same rule for the same files wins outright).
 * test/lint-test-support.test.ts proves it fires.
 */
const TEST_SUPPORT_PATH = '/(^|\\x2F)(test|e2e)\\x2Fsupport(\\x2F|$)/' // esquery: no "/" inside
const testSupportRule = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/**/*.test.{ts,tsx}'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...[
        'ImportDeclaration',
        'ExportNamedDeclaration',
        'ExportAllDeclaration',
        'ImportExpression',
      ].map((node) => ({
        selector: `${node}[source.value=${TEST_SUPPORT_PATH}]`,
        message:
          'Only tests (*.test.ts, *.test.tsx) import test/support or e2e/support; production code never does.',
      })),
    ],
  },
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'scripts/**',
      'bench/**',
      'e2e/**',
      'test/**',
      '*.config.*',
      '.ci/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use none.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...layerRules,
  testSupportRule,
)
