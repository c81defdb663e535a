import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
const optionalUrl = z.string().url().optional();

export const riskConfigSchema = subgraphConfigSchema(
  4004,
  {
    /** The privacy subgraph, asked whether a person shares with a clinic. Default its development port. */
    PRIVACY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
    /** How long an IMMINENT escalation may stay OPEN before the next on-call clinician is told. Default 5 minutes. */
    ESCALATION_REMINDER_MS: z.coerce.number().int().positive().default(300_000),
    /**
     * The same for a HIGH escalation. Default 15 minutes. HIGH is reminded too because the detector
     * calls some imminent crises HIGH (README, "Held-out figures"): an alert nobody picks up must not
     * go quiet whatever level it got.
     */
    ESCALATION_HIGH_REMINDER_MS: z.coerce.number().int().positive().default(900_000),
    /** The service's own on-call clinic: alerts for people who share with no clinic go to its clinicians. Default none (the alert is still stored and the on-call list still texted). */
    RISK_ONCALL_CLINIC_ID: z.string().uuid().optional(),
    /** JSON file: `{ onCall: [{ name, phone?, webhook? }], clinics: { <clinicId>: { sms: [..], webhooks: [{ url, secret }] } } }`. Default data/contacts.json. */
    RISK_CONTACTS_FILE: z.string().default(path.join(DATA_DIR, 'contacts.json')),
    /** Twilio-compatible SMS API (all four or none). Default none: SMS notifications are not sent. */
    SMS_BASE_URL: optionalUrl,
    SMS_ACCOUNT_SID: z.string().optional(),
    SMS_AUTH_TOKEN: z.string().optional(),
    SMS_FROM: z.string().optional(),
    /** Secret for webhooks whose contact entry has none (HMAC-SHA256). */
    WEBHOOK_SIGNING_SECRET: z.string().min(16).optional(),
    /** Optional LLM layer: any OpenAI-compatible endpoint. Default off. */
    RISK_LLM_BASE_URL: optionalUrl,
    RISK_LLM_MODEL: z.string().default('gpt-4o-mini'),
    RISK_LLM_API_KEY: z.string().optional(),
    /**
     * How long the LLM layer may take before the lexicon's answer stands. Default 2 s: it must stay
     * well under conversation's PEER_TIMEOUT_MS (3 s), or the turn gives up on risk while it waits.
     */
    RISK_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
    /** Outbox relay: poll interval and first retry delay (doubling, capped at 5 minutes). Defaults 500 ms and 1 s. */
    RISK_RELAY_POLL_MS: z.coerce.number().int().positive().default(500),
    RISK_RELAY_BACKOFF_MS: z.coerce.number().int().positive().default(1_000),
  },
  // Calls to privacy are signed with the internal-token private key.
  ['INTERNAL_TOKEN_PRIVATE_KEY', 'PRIVACY_URL'],
);
export type RiskConfig = z.infer<typeof riskConfigSchema>;
