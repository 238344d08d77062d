export * from './database';
export * from './subgraph';
export * from './stack';
export * from './browser';
