import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { encodeCursor, parsePageArgs } from '@resona/db';
import { SecurityEventEntity, type SecurityEvent, type SecurityEventType } from '../entities.js';

/** Where a request came from, as the gateway saw it. */
export interface Origin {
  ip: string | null;
  userAgent: string | null;
}

/** Records security events (written at once, whatever the request does next) and lists them. */
export class SecurityEvents {
  constructor(
    private readonly em: EntityManager,
    private readonly origin: Origin,
  ) {}

  /** @param em the transaction of the change the event belongs to; default the request's EntityManager (written at once). */
  async record(
    type: SecurityEventType,
    event: { userId?: string | null; emailHash?: string | null; detail?: Record<string, unknown> } = {},
    em: EntityManager = this.em,
  ) {
    await em.insert(SecurityEventEntity, {
      id: randomUUID(),
      type,
      userId: event.userId ?? null,
      emailHash: event.emailHash ?? null,
      ip: this.origin.ip,
      userAgent: this.origin.userAgent,
      detail: event.detail ?? null,
      createdAt: new Date(),
    });
  }

  /** Newest first, keyset-paginated. */
  async list(args: { first?: number | null; after?: string | null; type?: SecurityEventType | null }): Promise<SecurityEvent[]> {
    const { first, after } = parsePageArgs(args);
    const where: Record<string, unknown> = {};
    if (args.type) where.type = args.type;
    if (after) {
      where.$or = [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }];
    }
    return this.em.find(SecurityEventEntity, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }
}

export const securityEventCursor = encodeCursor;
