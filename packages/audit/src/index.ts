export * from './log.js';
export * from './migration.js';
export * from './verify.js';
