import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { z } from 'zod';

export { z };
export type { Logger };

/** The repository root, so defaults such as `.data/` do not depend on the working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Thrown when configuration is invalid; its message lists every problem at once. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses configuration once, from `process.env` with `overrides` on top (the all-in-one process and tests set ports and URLs that way). This is the only place in
 * Resona that reads `process.env`; every service calls it from its `config.ts`.
 */
export function parseConfig<S extends z.ZodType>(schema: S, overrides: Record<string, string | undefined> = {}): z.infer<S> {
  const result = schema.safeParse({ ...process.env, ...overrides });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

/** Reusable pieces for service config schemas. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  nodeEnv: z.enum(['development', 'test', 'production']).default('development'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  optionalUrl: z.string().url().optional(),
  dataDir: z.string().default(path.join(REPO_ROOT, '.data')),
};

/** JSON logs (pino), one child logger per service. */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
export * from './service-process.js';
