import { env, z } from '@resona/config';

/** Settings of the all-in-one process (`pnpm start`, `pnpm seed`); each service also reads its own. */
export const stackConfigSchema = z.object({
  NODE_ENV: env.nodeEnv,
  LOG_LEVEL: env.logLevel,
  DATA_DIR: env.dataDir,
  /** PostgreSQL URL; unset means an embedded PostgreSQL under `DATA_DIR/postgres`. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** Gateway port. Default 4000 (subgraphs use 4001–4006). */
  PORT: env.port(4000),
  /** Resona's own on-call clinic (risk) and safety reviewers' clinic (conversation). Default with the demo data: its on-call clinic. */
  RISK_ONCALL_CLINIC_ID: z.string().uuid().optional(),
  SAFETY_REVIEW_CLINIC_ID: z.string().uuid().optional(),
});
export type StackConfig = z.infer<typeof stackConfigSchema>;
