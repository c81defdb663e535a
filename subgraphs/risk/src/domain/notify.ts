import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PermanentFailure } from '@resona/outbox';

/** The signature header of a webhook: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-resona-signature';
/** Unix seconds the signature covers; receivers should refuse old ones (replays). */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-resona-timestamp';
/** Stable per alert and recipient: receivers drop a delivery they already have. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface WebhookContact {
  url: string;
  /** Default `WEBHOOK_SIGNING_SECRET`. */
  secret?: string;
}
export interface OnCallContact {
  name: string;
  phone?: string;
  webhook?: WebhookContact;
}
export interface Contacts {
  onCall: OnCallContact[];
  clinics: Record<string, { sms?: string[]; webhooks?: WebhookContact[] }>;
}

export function loadContacts(file: string): Contacts {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Contacts>;
  return { onCall: data.onCall ?? [], clinics: data.clinics ?? {} };
}

export interface SmsConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/** Sends SMS through a Twilio-compatible API. */
export class SmsAdapter {
  constructor(private readonly config: SmsConfig, private readonly timeoutMs = 10_000) {}

  /**
   * POST {base}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded, basic auth. Throws on
   * anything but 2xx (the outbox retries); a 4xx other than 408/429 is permanent (a bad number
   * does not get better). `idempotencyKey` goes in the `I-Twilio-Idempotency-Token` and
   * `Idempotency-Key` headers for providers that honour them.
   */
  async send(to: string, body: string, idempotencyKey: string): Promise<void> {
    const { baseUrl, accountSid, authToken, from } = this.config;
    const url = `${baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        [IDEMPOTENCY_HEADER]: idempotencyKey,
        'i-twilio-idempotency-token': idempotencyKey,
      },
      body: new URLSearchParams({ To: to, From: from, Body: body }).toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.ok) return;
    const message = `SMS provider answered ${response.status}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) throw new PermanentFailure(message);
    throw new Error(message);
  }
}

/** The signature a webhook carries, for senders and receivers alike. */
export const signWebhook = (secret: string, timestamp: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** POSTs a signed JSON webhook. Throws on anything but 2xx (the outbox retries). */
export async function sendWebhook(contact: WebhookContact, defaultSecret: string | undefined, payload: unknown, idempotencyKey: string, timeoutMs = 10_000): Promise<void> {
  const secret = contact.secret ?? defaultSecret;
  if (!secret) throw new PermanentFailure('No signing secret for this webhook.');
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(contact.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEBHOOK_TIMESTAMP_HEADER]: timestamp, [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, timestamp, body), [IDEMPOTENCY_HEADER]: idempotencyKey },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`Webhook answered ${response.status}`);
}

/** The SMS text: no name, no message text, nothing a shared phone should not show. */
export const alertSms = (level: string, escalationId: string, reminder?: number) =>
  reminder
    ? `Resona REMINDER ${reminder}: a ${level} crisis alert is still unacknowledged. Open the clinician dashboard now. Ref ${escalationId.slice(0, 8)}`
    : `Resona: ${level} crisis alert. Open the clinician dashboard now. Ref ${escalationId.slice(0, 8)}`;
