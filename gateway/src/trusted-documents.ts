import { readFileSync } from 'node:fs';
import type express from 'express';

/**
 * Trusted documents: our own apps send the id of an operation that codegen generated
 * (`{ "documentId": "<sha256>" }`) instead of its text.
 * - `off`: ids are not understood; every request carries its query.
 * - `allow` (default): ids are resolved from the manifest, and queries are accepted too.
 * - `require`: public callers (people and anonymous) may only send known ids; partner systems,
 *   which write their own queries against the partner schema, may still send queries.
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'require';

/** Document ids are `sha256:<hex>` (codegen's form); a bare `<hex>` is accepted too. */
const normaliseId = (id: string) => id.replace(/^sha256:/, '');

export function loadManifest(path: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest).map(([id, query]) => [normaliseId(id), query]));
}

const error = (status: number, code: string, message: string) => ({ status, body: { errors: [{ message, extensions: { code } }] } });

/** Express middleware (after JSON parsing) that resolves or enforces trusted documents. */
export function trustedDocuments(mode: TrustedDocumentsMode, manifest: Map<string, string>): express.RequestHandler {
  return (req, res, next) => {
    if (mode === 'off' || req.method !== 'POST' || !req.body || typeof req.body !== 'object') return next();
    const body = req.body as { query?: unknown; documentId?: unknown };
    const isPartner = /^ApiKey\s/.test(req.headers.authorization ?? '');
    let failure: ReturnType<typeof error> | undefined;
    if (typeof body.documentId === 'string') {
      const query = manifest.get(normaliseId(body.documentId));
      if (!query) failure = error(400, 'PERSISTED_QUERY_NOT_FOUND', 'Unknown documentId: this app version may be newer than the server.');
      else if (body.query !== undefined && body.query !== query) failure = error(400, 'BAD_REQUEST', 'Send either documentId or query, not both.');
      else {
        body.query = query;
        delete body.documentId;
      }
    } else if (mode === 'require' && !isPartner) {
      failure = error(400, 'TRUSTED_DOCUMENT_REQUIRED', 'This server only runs operations of Resona’s own apps (send documentId).');
    }
    if (failure) {
      res.status(failure.status).json(failure.body);
      return;
    }
    next();
  };
}
