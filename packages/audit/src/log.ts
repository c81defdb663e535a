import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@resona/auth';

/** What the audit log records. Stable strings: the log outlives any code that wrote it. */
export const AuditAction = {
  /** Someone read another person's data (a clinician, a partner key). */
  READ: 'READ',
  CONSENT_GRANTED: 'CONSENT_GRANTED',
  CONSENT_REVOKED: 'CONSENT_REVOKED',
  CONVERSATION_STARTED: 'CONVERSATION_STARTED',
  MESSAGE_SENT: 'MESSAGE_SENT',
  /** One principal was refused more often than the threshold within a minute. */
  ACCESS_DENIED_BURST: 'ACCESS_DENIED_BURST',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** One audit record before it is chained. */
export interface AuditEntry {
  actorKind: string;
  actorId: string | null;
  actorClinicId: string | null;
  apiKeyId: string | null;
  action: string;
  subjectUserId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
}

/** A stored record: the entry with its place in the chain. */
export interface AuditRecord extends AuditEntry {
  id: string;
  at: Date;
  prevHash: string;
  hash: string;
}

/** `prev_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** The actor columns, from who the subgraph is serving. */
export function auditEntry(
  principal: Principal,
  fields: Pick<AuditEntry, 'action'> & Partial<Pick<AuditEntry, 'subjectUserId' | 'resourceType' | 'resourceId' | 'detail'>>,
): AuditEntry {
  return {
    actorKind: principal.apiKey ? 'api_key' : principal.kind,
    actorId: principal.userId,
    actorClinicId: principal.clinicId,
    apiKeyId: principal.apiKey?.id ?? null,
    action: fields.action,
    subjectUserId: fields.subjectUserId ?? null,
    resourceType: fields.resourceType ?? null,
    resourceId: fields.resourceId ?? null,
    ip: principal.ip,
    userAgent: principal.userAgent,
    requestId: principal.requestId,
    detail: fields.detail ?? null,
  };
}

/** JSON with object keys sorted at every depth, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256(prev_hash + canonical JSON of everything else in the record), hex. */
export function recordHash(record: Omit<AuditRecord, 'hash'>): string {
  const { prevHash, ...rest } = record;
  return createHash('sha256').update(prevHash).update(canonicalJson({ ...rest, id: String(rest.id), at: rest.at.toISOString() })).digest('hex');
}

/**
 * Appends entries to the subgraph's `audit_log` inside `em`'s transaction (or a new one), so a
 * change and its record commit together. A transaction-scoped advisory lock serializes appends,
 * so two requests never chain onto the same previous record.
 */
export async function appendAudit(em: EntityManager, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!em.isInTransaction()) {
    await em.transactional((tx) => appendAudit(tx, entries));
    return;
  }
  await em.execute(`select pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`);
  const [last] = await em.execute<{ hash: string }[]>('select hash from audit_log order by id desc limit 1');
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const entry of entries) {
    const [{ id }] = (await em.execute<{ id: string }[]>(`select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id`)) as [{ id: string }];
    const record = { ...entry, id, at: new Date(), prevHash };
    const hash = recordHash(record);
    await em.execute(
      `insert into audit_log (id, at, actor_kind, actor_id, actor_clinic_id, api_key_id, action, subject_user_id, resource_type,
         resource_id, ip, user_agent, request_id, detail, prev_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
      [
        id, record.at, entry.actorKind, entry.actorId, entry.actorClinicId, entry.apiKeyId, entry.action, entry.subjectUserId,
        entry.resourceType, entry.resourceId, entry.ip, entry.userAgent, entry.requestId,
        entry.detail === null ? null : JSON.stringify(entry.detail), prevHash, hash,
      ],
    );
    prevHash = hash;
  }
}
