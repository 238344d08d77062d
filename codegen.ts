import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed apollo-angular services for the admin console and the technician app, generated from the
// composed public API schema and the `.graphql` operations that live beside each feature.
// Generated folders are never edited by hand. Run with `npm run codegen`.
const angularClient = {
  // typescript-operations (v6) emits the enums and input types the operations use itself; adding
  // the `typescript` plugin as well declares them twice (TS2300 duplicate identifier).
  plugins: ['typescript-operations', 'typescript-apollo-angular'],
  config: {
    addExplicitOverride: true,
    useTypeImports: true,
    enumsAsTypes: true,
    // What the JSON carries for our custom scalars.
    scalars: { DateTimeISO: 'string', LocalDate: 'string' },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  schema: 'gateway/schema.graphql',
  // The apps gain their operations feature by feature; until then there is nothing to generate.
  ignoreNoDocuments: true,
  generates: {
    'admin/src/app/generated/graphql.ts': {
      documents: 'admin/src/app/**/*.graphql',
      ...angularClient,
    },
    'mobile/src/app/generated/graphql.ts': {
      documents: 'mobile/src/app/**/*.graphql',
      ...angularClient,
    },
  },
};

export default config;
