import { AuditAction, appendAudit, auditEntry, type AuditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Most resource ids kept in one read record's `detail`; the count is always exact. */
const MAX_IDS_PER_RECORD = 100;

/**
 * Reads of other people's data during one request, one record per subject and resource type
 * (not per field), written when the response is sent.
 */
export class RequestAudit {
  private readonly reads = new Map<string, { subjectUserId: string | null; resourceType: string; ids: Set<string>; count: number }>();

  constructor(private readonly principal: Principal) {}

  read(subjectUserId: string | null, resourceType: string, resourceId?: string | null, extra?: { count: number }): void {
    const key = `${subjectUserId}|${resourceType}`;
    let entry = this.reads.get(key);
    if (!entry) this.reads.set(key, (entry = { subjectUserId, resourceType, ids: new Set(), count: 0 }));
    if (resourceId && !entry.ids.has(resourceId)) {
      entry.count++;
      if (entry.ids.size < MAX_IDS_PER_RECORD) entry.ids.add(resourceId);
    }
    if (extra) entry.count = extra.count;
  }

  entries(): AuditEntry[] {
    return [...this.reads.values()].map((r) =>
      auditEntry(this.principal, {
        action: AuditAction.READ,
        subjectUserId: r.subjectUserId,
        resourceType: r.resourceType,
        resourceId: r.ids.size === 1 ? [...r.ids][0]! : null,
        detail: { count: r.count, ...(r.ids.size > 1 ? { ids: [...r.ids].sort() } : {}) },
      }),
    );
  }

  /** Writes the collected reads (nothing when there were none). */
  async flush(em: EntityManager): Promise<void> {
    const entries = this.entries();
    this.reads.clear();
    await appendAudit(em, entries);
  }
}

/** FORBIDDEN answers per principal per minute above which an `ACCESS_DENIED_BURST` is recorded. Default 20. */
export const DENIED_BURST_THRESHOLD = 20;
const WINDOW_MS = 60_000;

/**
 * Counts FORBIDDEN denials per principal in fixed one-minute windows (in memory, per process).
 * Crossing the threshold reports once per window, so a scraping loop writes one record a minute.
 */
export class DeniedBurstDetector {
  private windows = new Map<string, { start: number; count: number; reported: boolean }>();

  constructor(
    private readonly threshold = DENIED_BURST_THRESHOLD,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds `denials` for `key`; true exactly once per window, when the count first exceeds the threshold. */
  record(key: string, denials: number): { burst: boolean; count: number } {
    const now = this.now();
    if (this.windows.size > 10_000) this.prune(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) this.windows.set(key, (w = { start: now, count: 0, reported: false }));
    w.count += denials;
    if (w.count > this.threshold && !w.reported) {
      w.reported = true;
      return { burst: true, count: w.count };
    }
    return { burst: false, count: w.count };
  }

  private prune(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/** Who was denied, as one key: the person, the API key, or the address of an anonymous caller. */
export const principalKey = (p: Principal) => (p.apiKey ? `key:${p.apiKey.id}` : p.userId ? `user:${p.userId}` : `${p.kind}:${p.ip ?? '?'}`);
