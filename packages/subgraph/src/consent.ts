import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@resona/errors';
import type { InternalClient } from './internal-client.js';

/** Which of `userIds` have an active CLINIC_SHARING consent for `clinicId`. */
export type ConsentSource = (clinicId: string, userIds: string[], requestId: string | null) => Promise<string[]>;

export const ACTIVE_CLINIC_SHARES = `query ActiveClinicShares($clinicId: ID!, $userIds: [ID!]!) { activeClinicShares(clinicId: $clinicId, userIds: $userIds) }`;

/** Asks the privacy subgraph (its service-only `activeClinicShares`). */
export const privacyConsentSource =
  (privacy: InternalClient): ConsentSource =>
  async (clinicId, userIds, requestId) =>
    (await privacy.request<{ activeClinicShares: string[] }>(ACTIVE_CLINIC_SHARES, { clinicId, userIds }, { requestId })).activeClinicShares;

/**
 * Per request: does a person share with the caller's clinic? All questions asked in one tick go
 * to privacy as one call, and answers live only as long as the request, so a revoked consent
 * takes effect on the very next request. When privacy cannot answer, access is refused.
 */
export class ConsentChecker {
  private readonly loader: DataLoader<string, boolean> | null;

  constructor(source: ConsentSource | undefined, clinicId: string | null, requestId: string | null) {
    this.loader =
      source && clinicId
        ? new DataLoader<string, boolean>(async (userIds): Promise<(boolean | Error)[]> => {
            let shared: Set<string>;
            try {
              shared = new Set(await source(clinicId, [...userIds], requestId));
            } catch {
              // Fail closed: without privacy's word nobody else sees anything.
              const error = new GraphQLError('Consent could not be checked; try again.', { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'privacy' } });
              return userIds.map(() => error);
            }
            return userIds.map((id) => shared.has(id));
          })
        : null;
  }

  /** True when `userId` has an active CLINIC_SHARING consent for the caller's clinic. */
  shares(userId: string): Promise<boolean> {
    return this.loader ? this.loader.load(userId) : Promise.resolve(false);
  }
}
