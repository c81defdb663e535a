export * from './orm.js';
export * from './embedded.js';
export * from './pagination.js';
export * from './data-keys.js';
