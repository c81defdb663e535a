export * from './database.js';
export * from './principals.js';
export * from './subgraph.js';
export * from './redis.js';
export * from './waiting.js';
