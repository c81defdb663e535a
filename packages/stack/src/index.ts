export * from './compose.js';
export * from './seed.js';
export * from './stack.js';
export * from './subgraphs.js';
export * from './contract.js';
export * from './processes.js';
