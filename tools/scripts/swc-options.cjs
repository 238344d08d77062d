// One swc configuration for the build and for Jest: decorators with metadata (type-graphql needs
// them), CommonJS output, and the tsconfig path aliases rewritten to relative imports.
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));

module.exports = {
  root,
  options: {
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs', strict: false },
  },
};
