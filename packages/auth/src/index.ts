export * from './keys.js';
export * from './passwords.js';
export * from './principal.js';
export * from './tokens.js';
export type { CryptoKey } from 'jose';
export * from './key-config.js';
export * from './token-cache.js';
