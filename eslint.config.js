// @ts-check
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { builtinRules } from 'eslint/use-at-your-own-risk'
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
 * and the renderer alike. d3-geo and topojson-client draw the map (shared/geo/) for the
 * live view and the printed report alike: pure math over the bundled TopoJSON, no DOM
 * (geojson and topojson-specification are their types only).
 */
const SHARED_PACKAGES = [
  'zod',
  // The timeline's time scale and ticks (pure ESM, Date arithmetic only), so the view and
  // the report draw the same axis.
  'd3-scale',
  'mdast-util-from-markdown',
  'mdast-util-gfm',
  'micromark-extension-gfm',
  'd3-geo',
  'topojson-client',
  'geojson',
  'topojson-specification',
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
 * The boundaries inside the layers, each a rule of its own so that it adds to the layer rules
 * instead of replacing them (in a flat config, a later block's options for the same rule on
 * the same files win outright). They are ESLint's own rules under the names of what they
 * guard; each has a lint test that proves it fires.
 */
const boundaries = {
  rules: {
    features: builtinRules.get('no-restricted-imports'),
    'data-layer': builtinRules.get('no-restricted-imports'),
    // no-restricted-syntax also sees re-exports and dynamic import().
    'test-support': builtinRules.get('no-restricted-syntax'),
    'import-worker': builtinRules.get('no-restricted-imports'),
  },
}

/**
 * Inside the renderer: features never import each other (what two of them share lives in
 * ui/, routes/, api/ or the contract), nor the app shell that composes them; ui/ and routes/
 * never import a feature. test/lint-features.test.ts proves it.
 */
const FEATURES_DIR = new URL('./src/renderer/src/features/', import.meta.url)
const FEATURES = readdirSync(FEATURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const featureRules = [
  ...FEATURES.map((feature) => ({
    files: [`src/renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'boundaries/features': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${FEATURES.filter((name) => name !== feature).join('|')})(/|$)|(^|/)features/(?!${feature}(/|$))`,
              message: `Features never import each other: move what ${feature} shares with another feature to ui/, routes/ or api/.`,
            },
            {
              regex: '^(\\.\\./)+app(/|$)',
              message:
                'Features never import the app shell: app/ composes them, not the other way.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/renderer/src/ui/**/*.{ts,tsx}', 'src/renderer/src/routes/**/*.{ts,tsx}'],
    rules: {
      'boundaries/features': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(features|app)(/|$)',
              message: 'ui/ and routes/ serve every feature, so they import none of them.',
            },
          ],
        },
      ],
    },
  },
]

/**
 * One data layer: only src/renderer/src/api/ reaches the API client and the query cache.
 * Views use the hooks and functions of api/<domain>.ts, which own the query keys and declare
 * what each edit refreshes. test/lint-data-layer.test.ts proves it.
 */
const dataLayerRule = {
  files: ['src/renderer/**/*.{ts,tsx}'],
  ignores: ['src/renderer/src/api/**'],
  rules: {
    'boundaries/data-layer': [
      'error',
      {
        patterns: [
          {
            regex: '(^|/)api/client$',
            message:
              'Only src/renderer/src/api/ calls the API client: use (or add) a hook or function in api/<domain>.ts.',
          },
          {
            group: ['@tanstack/react-query'],
            message:
              'Query keys, caching and invalidation live in src/renderer/src/api/: use (or add) a hook in api/<domain>.ts.',
          },
        ],
      },
    ],
  },
}

/**
 * Test support (test/support/, e2e/support/) is for tests only: production code under src/
 * importing it would ship fast-check, injected disk faults or fixtures.
 * test/lint-test-support.test.ts proves it.
 */
const TEST_SUPPORT_PATH = '/(^|\\x2F)(test|e2e)\\x2Fsupport(\\x2F|$)/' // esquery: no "/" inside
const testSupportRule = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/**/*.test.{ts,tsx}'],
  rules: {
    'boundaries/test-support': [
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

/**
 * The document importers (src/main/core/import/) run in the import worker only: the main
 * process talks to them through import-jobs.ts and may use their limits, formats and types,
 * never a parser. test/lint-import-worker.test.ts proves it.
 */
const importWorkerRule = {
  files: ['src/main/**/*.ts'],
  ignores: ['src/main/core/import/**'],
  rules: {
    'boundaries/import-worker': [
      'error',
      {
        patterns: [
          {
            regex: '(^|/)import(/(index|pdf|docx|html|decode|worker))?$',
            allowTypeImports: true,
            message:
              'The importers run in the import worker: go through import-jobs.ts (only import/limits, import/formats and types may be imported here).',
          },
        ],
      },
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
  { plugins: { boundaries } },
  ...featureRules,
  dataLayerRule,
  testSupportRule,
  importWorkerRule,
)
