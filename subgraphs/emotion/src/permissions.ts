import type { IRules } from 'graphql-shield';
import { allow, isAuthenticated, isSelf, isService, or, ownsParent } from '@resona/subgraph';
import type { EmotionReading } from './entities.js';

/** Who may read what in emotion. Anything not listed is denied. */
export const permissions: IRules = {
  // A reading is readable by its owner (and Resona's services) only, however it was reached.
  EmotionReading: ownsParent<EmotionReading>((reading) => reading.userId),
  EmotionScore: allow,
  User: { id: allow, emotionReadings: isSelf },
  // Anyone signed in may ask; the reading's own rule decides whether they see it.
  Message: { id: allow, emotion: or(isService, isAuthenticated) },
};
