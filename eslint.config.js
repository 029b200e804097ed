import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const REACT_AND_THREE = ['react', 'react-dom', 'react-dom/*', 'three', 'three/*', '@react-three/*']

/**
 * Imports a folder may not make: the layer table of docs/ARCHITECTURE.md, enforced.
 * `packages` are bare module names (globs); `layers` are our own folders, caught in every form a
 * relative import can take: the folder index (`'../state'`), a file in it (`'../state/store'`)
 * deeper paths (`'../../state'`) and paths through `src/`.
 */
function forbid({ packages = [], layers = [] }, message) {
  const patterns = []
  if (packages.length > 0) patterns.push({ group: packages, message })
  if (layers.length > 0)
    patterns.push({ regex: `^((\\.\\./)+|(\\.\\./)*src/)(${layers.join('|')})(/.*)?$`, message })
  return { 'no-restricted-imports': ['error', { patterns }] }
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'assets',
      'data',
      'coverage',
      'test-results',
      'tests/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/model/**'],
    rules: forbid(
      {
        packages: [...REACT_AND_THREE, 'zustand', 'zustand/*', 'node:*', 'fs', 'path'],
        layers: ['layout', 'state', 'scene', 'ui', 'export', 'cli'],
      },
      'src/model is pure: it imports nothing of React, three, zustand, Node or the layers above it.',
    ),
  },
  {
    files: ['src/layout/**'],
    rules: forbid(
      {
        packages: [...REACT_AND_THREE, 'zustand', 'zustand/*', 'node:*'],
        layers: ['state', 'scene', 'ui', 'export', 'cli'],
      },
      'src/layout is pure: it may import only the model.',
    ),
  },
  {
    files: ['src/state/**'],
    rules: forbid(
      {
        packages: ['three', 'three/*', '@react-three/*'],
        layers: ['scene', 'ui', 'export', 'cli'],
      },
      'src/state may import only model and layout.',
    ),
  },
  {
    files: ['src/scene/**'],
    rules: forbid(
      { packages: [], layers: ['ui', 'export', 'cli'] },
      'scene and ui meet only in the store.',
    ),
  },
  {
    files: ['src/ui/**'],
    rules: forbid(
      { packages: ['three', 'three/*', '@react-three/*'], layers: ['scene', 'export', 'cli'] },
      'ui never imports the scene or three: they meet in the store.',
    ),
  },
  {
    files: ['src/export/**'],
    rules: forbid(
      { packages: [], layers: ['ui', 'scene', 'cli'] },
      'export reads the store, not ui or scene.',
    ),
  },
  {
    files: ['src/cli/**'],
    rules: forbid(
      {
        packages: [...REACT_AND_THREE, 'zustand'],
        layers: ['layout', 'state', 'scene', 'ui', 'export'],
      },
      'the command line uses only the model.',
    ),
  },
  {
    files: ['scripts/**', 'tests/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
)
