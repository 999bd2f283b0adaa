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
              regex: '^(?!zod$)(?!\\.\\.?/)|(^|/)(main|renderer|preload)(/|$)',
              message:
                'src/shared imports zod and its own files only: no Node, DOM, electron or other layers.',
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
 * Inside the renderer: features never import each other (what two of them share lives in
 * ui/, routes/, api/ or the contract), nor the app shell that composes them; ui/ and routes/
 * never import a feature. typescript-eslint's copy of no-restricted-imports carries these, so
 * they stand beside the layer rules instead of replacing them (a later block's options for
 * the same rule would). test/lint-features.test.ts proves they fire.
 */
const FEATURES_DIR = new URL('./src/renderer/src/features/', import.meta.url)
const FEATURES = readdirSync(FEATURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const featureRules = [
  ...FEATURES.map((feature) => ({
    files: [`src/renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
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
      '@typescript-eslint/no-restricted-imports': [
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
 * what each edit refreshes. test/lint-data-layer.test.ts proves it fires.
 *
 * The rule runs under its own name: in a flat config a later block's options for
 * `no-restricted-imports` replace an earlier block's for the same file, so reusing that name
 * here would silently drop the renderer's layer rule above.
 */
const dataLayerRules = [
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/api/**'],
    plugins: {
      'data-layer': {
        rules: { 'no-restricted-imports': builtinRules.get('no-restricted-imports') },
      },
    },
    rules: {
      'data-layer/no-restricted-imports': [
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
  },
]

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
  ...featureRules,
  ...dataLayerRules,
)
