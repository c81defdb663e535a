import type { IRules } from 'graphql-shield';
import { allow, clinicianWithConsent, isAuthenticated, isSelf, isService, or, ownsParent, partnerKeyWithConsent } from '@resona/subgraph';
import type { EmotionReading } from './entities.js';

/** Who may read what in emotion (docs/authorization.md has the whole table). Anything not listed is denied. */
export const permissions: IRules = {
  // The owner (and Resona's services); a clinician with MFA, or a partner key with `emotion:read`, of a
  // clinic the owner shares with now. However it was reached (list, message, _entities).
  EmotionReading: or(
    ownsParent<EmotionReading>((x) => x.userId),
    clinicianWithConsent<EmotionReading>((x) => x.userId),
    partnerKeyWithConsent<EmotionReading>('emotion:read', (x) => x.userId),
  ),
  EmotionScore: allow,
  User: {
    id: allow,
    emotionReadings: or(isSelf, clinicianWithConsent<{ id: string }>((u) => u.id, 'EmotionReading'), partnerKeyWithConsent<{ id: string }>('emotion:read', (u) => u.id, 'EmotionReading')),
  },
  // Anyone signed in may ask; the reading's own rule decides whether they see it.
  Message: { id: allow, emotion: or(isService, isAuthenticated) },
};
