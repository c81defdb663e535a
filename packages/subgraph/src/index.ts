export * from './context.js';
export * from './permissions.js';
export * from './scalars.js';
export * from './server.js';
export * from './config.js';
export * from './module.js';
