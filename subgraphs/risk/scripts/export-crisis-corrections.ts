/**
 * `pnpm export:crisis-corrections <output.jsonl> [--since <ISO date>]`: clinicians' reviews of the
 * crisis detector (risk's review queue) as labelled training rows, only for people whose RESEARCH
 * consent is active now. Talks to the running services over HTTP with the service token, as the
 * subgraphs call each other: risk's `reviewedItems` (the labels), privacy's `grantedConsentTypes`
 * (consent, asked before any text is read) and conversation's `anonymisedMessages` (the text, PII
 * masked, each read audited there). Writes JSON Lines in the evaluation sets' format with
 * `split: "clinician"`, label = the reviewed level.
 *
 * Settings (env, parsed with zod): RISK_URL, CONVERSATION_URL, PRIVACY_URL (default the development
 * ports 4004, 4002, 4005), INTERNAL_TOKEN_PRIVATE_KEY (default the development key under DATA_DIR;
 * required with NODE_ENV=production).
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPrivateKey, pemFromConfig } from '@resona/auth';
import { ConfigError, env, parseConfig, z } from '@resona/config';
import { InternalCallCode, InternalCallError, internalClient, type InternalClient } from '@resona/subgraph';

const RISK_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
const USAGE = 'usage: pnpm export:crisis-corrections <output.jsonl> [--since <ISO date>]';
/** Items per page from risk, and message ids per call to conversation (both services' maximum). */
const BATCH = 100;

const configSchema = z
  .object({
    NODE_ENV: env.nodeEnv,
    DATA_DIR: env.dataDir,
    RISK_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
    CONVERSATION_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
    PRIVACY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
    /** Signs the service token (the pair of the services' INTERNAL_TOKEN_PUBLIC_KEY). */
    INTERNAL_TOKEN_PRIVATE_KEY: z.string().optional(),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.INTERNAL_TOKEN_PRIVATE_KEY) {
      ctx.addIssue({ code: 'custom', path: ['INTERNAL_TOKEN_PRIVATE_KEY'], message: 'is required in production' });
    }
  });

const REVIEWED_ITEMS = `query ReviewedItems($since: DateTime, $after: String, $first: Int) {
  reviewedItems(since: $since, after: $after, first: $first) { reviewItemId messageId userId reviewedLevel cursor }
}`;
const GRANTED_CONSENT_TYPES = `query GrantedConsentTypes($userId: ID!) { grantedConsentTypes(userId: $userId) }`;
const ANONYMISED_MESSAGES = `query AnonymisedMessages($ids: [ID!]!) { anonymisedMessages(ids: $ids) { id language text } }`;

type RiskLevel = 'NONE' | 'LOW' | 'MODERATE' | 'HIGH' | 'IMMINENT';
interface ReviewedItem {
  reviewItemId: string;
  messageId: string;
  userId: string;
  reviewedLevel: RiskLevel;
  cursor: string;
}

/** An error the person running the script can act on: printed as is, exit code 1 (2 for usage). */
class ExportError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** The evaluation sets' `kind` for a label: what an alert or the review queue should catch, distress, or nothing. */
const kindOf = (level: RiskLevel) => (level === 'NONE' ? 'neutral' : level === 'LOW' ? 'distress' : 'crisis');

function parseArgs(argv: string[]): { output: string; since: string | null } {
  const sinceAt = argv.indexOf('--since');
  const since = sinceAt >= 0 ? argv[sinceAt + 1] : undefined;
  if (sinceAt >= 0 && (!since || Number.isNaN(Date.parse(since)))) throw new ExportError(`--since needs a date (e.g. 2026-12-01).\n${USAGE}`, 2);
  const positional = argv.filter((a, i) => !a.startsWith('--') && (sinceAt < 0 || i !== sinceAt + 1));
  if (positional.length !== 1) throw new ExportError(`Name one output file.\n${USAGE}`, 2);
  const output = path.resolve(positional[0]!);
  if (!existsSync(path.dirname(output))) throw new ExportError(`The folder ${path.dirname(output)} does not exist.`, 2);
  // Real people's words, even masked, must never be committed, nor mixed into the authored sets
  // (data/eval is in git, and the training and evaluation scripts read what is there).
  if (!path.relative(RISK_DATA_DIR, output).startsWith('..')) {
    throw new ExportError(`Refusing to write inside ${RISK_DATA_DIR}: it is committed and read by train/eval. Write outside the repository (or under .data/, which git ignores).`, 2);
  }
  return { output, since: since ? new Date(since).toISOString() : null };
}

/** A failed call as a sentence: which service, and what to check. */
function explainFailure(error: unknown, names: Map<string, string>): string {
  if (!(error instanceof InternalCallError)) return error instanceof Error ? error.message : String(error);
  const name = names.get(error.url) ?? error.url;
  if (error.code === InternalCallCode.UNAVAILABLE) return `Cannot reach ${name} at ${error.url} (is the stack running? see ${name.toUpperCase()}_URL).`;
  const code = error.peerError?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return `${name} refused the service token (${code}): INTERNAL_TOKEN_PRIVATE_KEY must pair with the services' INTERNAL_TOKEN_PUBLIC_KEY.`;
  }
  return `${name} answered with an error: ${error.message}`;
}

async function exportCorrections(clients: { risk: InternalClient; privacy: InternalClient; conversation: InternalClient }, since: string | null) {
  const counts = { seen: 0, skippedConsent: 0, skippedNoText: 0, written: 0 };
  const lines: string[] = [];
  // Asked once per person per run: consent is as it stands when the export runs.
  const research = new Map<string, boolean>();
  const hasResearchConsent = async (userId: string) => {
    if (!research.has(userId)) {
      const { grantedConsentTypes } = await clients.privacy.request<{ grantedConsentTypes: string[] }>(GRANTED_CONSENT_TYPES, { userId });
      research.set(userId, grantedConsentTypes.includes('RESEARCH'));
    }
    return research.get(userId)!;
  };

  let after: string | null = null;
  while (true) {
    const page: ReviewedItem[] = (await clients.risk.request<{ reviewedItems: ReviewedItem[] }>(REVIEWED_ITEMS, { since, after, first: BATCH })).reviewedItems;
    counts.seen += page.length;
    // Consent first: the text of someone who did not consent is never decrypted.
    const consented: ReviewedItem[] = [];
    for (const item of page) {
      if (await hasResearchConsent(item.userId)) consented.push(item);
      else counts.skippedConsent++;
    }
    if (consented.length) {
      const { anonymisedMessages } = await clients.conversation.request<{ anonymisedMessages: { id: string; language: string; text: string }[] }>(ANONYMISED_MESSAGES, {
        ids: consented.map((i) => i.messageId),
      });
      const byId = new Map(anonymisedMessages.map((m) => [m.id, m]));
      for (const item of consented) {
        const message = byId.get(item.messageId);
        // Erased since, or a voice message without words.
        if (!message?.text.trim()) {
          counts.skippedNoText++;
          continue;
        }
        const row = { id: item.reviewItemId, split: 'clinician', lang: message.language.toLowerCase(), label: item.reviewedLevel, kind: kindOf(item.reviewedLevel), text: message.text };
        lines.push(JSON.stringify(row));
        counts.written++;
      }
    }
    if (page.length < BATCH) break;
    after = page.at(-1)!.cursor;
  }
  return { counts, lines };
}

async function main() {
  const { output, since } = parseArgs(process.argv.slice(2));
  const config = parseConfig(configSchema);
  // The development key is the one the running services made under DATA_DIR; making a new one here
  // (as pemFromConfig would) could only sign tokens every service refuses.
  const devKey = path.join(config.DATA_DIR, 'keys', 'internal-token.private.pem');
  if (!config.INTERNAL_TOKEN_PRIVATE_KEY && !existsSync(devKey)) {
    throw new ExportError(`No INTERNAL_TOKEN_PRIVATE_KEY, and no development key at ${devKey}: start the stack (pnpm start) or set the key.`);
  }
  const key = await importPrivateKey(pemFromConfig(config.INTERNAL_TOKEN_PRIVATE_KEY, { dataDir: config.DATA_DIR, name: 'internal-token', part: 'private' }));
  const options = { timeoutMs: 15_000 };
  const clients = {
    risk: internalClient(config.RISK_URL, key, options),
    privacy: internalClient(config.PRIVACY_URL, key, options),
    conversation: internalClient(config.CONVERSATION_URL, key, options),
  };
  const names = new Map([[config.RISK_URL, 'risk'], [config.PRIVACY_URL, 'privacy'], [config.CONVERSATION_URL, 'conversation']]);
  let result: Awaited<ReturnType<typeof exportCorrections>>;
  try {
    result = await exportCorrections(clients, since);
  } catch (error) {
    throw new ExportError(`Export failed, nothing written: ${explainFailure(error, names)}`);
  }
  // Written once, at the end: a failed run leaves no partial file. Owner-only: these are people's words.
  writeFileSync(output, result.lines.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  chmodSync(output, 0o600); // also when an older export was overwritten
  const { seen, skippedConsent, skippedNoText, written } = result.counts;
  console.log(`reviewed items seen: ${seen}`);
  console.log(`skipped, no active RESEARCH consent: ${skippedConsent}`);
  if (skippedNoText) console.log(`skipped, message text gone (erased or a voice message without words): ${skippedNoText}`);
  console.log(`written: ${written} to ${output}`);
}

try {
  await main();
} catch (error) {
  // A message, never a stack trace: this is run by hand.
  const known = error instanceof ExportError || error instanceof ConfigError;
  console.error(known ? error.message : `Export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof ExportError ? error.exitCode : 1;
}
