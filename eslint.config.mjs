import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'prisma/generated/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      '**/generated/**',
      '.angular/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          // Specs import the test harness, which imports what they test: cycles only tests make.
          ignoredCircularDependencies: [
            'kit',
            'db',
            'seed',
            'guests',
            'operations',
            'finance',
            'communications',
            'analytics',
            'gateway',
            'runtime',
            'tools',
          ].map((p) => ['testing', p]),
          banTransitiveDependencies: false,
          depConstraints: [
            // A subgraph never imports another subgraph; it builds on the kit and the database.
            // (type:testing is the test harness, imported by specs only.)
            {
              sourceTag: 'type:subgraph',
              onlyDependOnLibsWithTags: ['type:lib', 'type:data', 'type:testing'],
            },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:data', 'type:testing'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:testing'] },
            {
              sourceTag: 'type:seed',
              onlyDependOnLibsWithTags: ['type:lib', 'type:data', 'type:testing'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:lib', 'type:data', 'type:testing'],
            },
            {
              sourceTag: 'type:runtime',
              onlyDependOnLibsWithTags: ['type:lib', 'type:data', 'type:subgraph', 'type:testing'],
            },
            // Apps never import server code.
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:server', 'scope:tools'] },
          ],
        },
      ],
    },
  },
  prettier,
);
