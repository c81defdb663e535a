import OpenAI, { toFile } from 'openai';

/** Speech to text through any OpenAI-compatible transcription endpoint (OpenAI's, or one hosted in the clinic's country). */
export interface Transcriber {
  /** Is the endpoint in the person's country (then no EXTERNAL_AI consent is needed)? */
  readonly inCountry: boolean;
  transcribe(wav: Uint8Array, language?: string): Promise<string>;
}

export interface SttOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  inCountry: boolean;
  /** Default 15 s. */
  timeoutMs?: number;
}

export function openAiTranscriber(options: SttOptions): Transcriber {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey || 'unused', timeout: options.timeoutMs ?? 15_000, maxRetries: 1 });
  return {
    inCountry: options.inCountry,
    async transcribe(wav) {
      const result = await client.audio.transcriptions.create({ file: await toFile(Buffer.from(wav), 'utterance.wav', { type: 'audio/wav' }), model: options.model });
      return (result.text ?? '').trim();
    },
  };
}
