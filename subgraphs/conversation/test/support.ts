import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server that records every request body. */
export interface Recorder<T> {
  url: string;
  requests: T[];
  close(): Promise<void>;
}

async function listen(handler: (body: string, req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>) {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => void handler(body, req, res));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export interface PeerRequest {
  service: 'privacy' | 'emotion' | 'risk';
  query: string;
  variables: any;
  authorization: string | undefined;
}

/** Stand-ins for privacy, emotion and risk (one server, a path each), with switches to take each down. */
export interface FakePeers extends Recorder<PeerRequest> {
  privacyUrl: string;
  emotionUrl: string;
  riskUrl: string;
  consents: Map<string, string[]>;
  /** Risk level per user (default NONE). */
  levels: Map<string, string>;
  down: { privacy: boolean; emotion: boolean; risk: boolean };
}

export async function fakePeers(): Promise<FakePeers> {
  const requests: PeerRequest[] = [];
  const consents = new Map<string, string[]>();
  const levels = new Map<string, string>();
  const down = { privacy: false, emotion: false, risk: false };
  const server = await listen((body, req, res) => {
    const service = (req.url ?? '').slice(1).split('/')[0] as PeerRequest['service'];
    const { query, variables } = JSON.parse(body || '{}');
    requests.push({ service, query, variables, authorization: req.headers.authorization });
    if (down[service]) return json(res, 503, { errors: [{ message: 'down' }] });
    if (service === 'privacy') return json(res, 200, { data: { grantedConsentTypes: consents.get(variables.userId) ?? [] } });
    if (service === 'emotion') {
      // Always a sad reading, a little off the person's baseline; the words are the client's.
      const { audio, transcript } = variables.input;
      const reading = { id: randomUUID(), emotion: 'SAD', confidence: 0.62, source: audio && transcript ? 'FUSED' : audio ? 'VOICE' : 'TEXT' };
      return json(res, 200, { data: { analyzeUtterance: { reading, transcript, concealment: false, dissonance: audio ? 0.1 : null, deviation: 1.8, qualityFlags: [] } } });
    }
    const level = levels.get(variables.input.userId) ?? 'NONE';
    return json(res, 200, { data: { assessMessage: { id: randomUUID(), level, score: level === 'NONE' ? 0.05 : 0.9, signals: [] } } });
  });
  const base = `http://127.0.0.1:${server.port}`;
  return { url: base, privacyUrl: `${base}/privacy`, emotionUrl: `${base}/emotion`, riskUrl: `${base}/risk`, requests, consents, levels, down, close: server.close };
}

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  max_tokens?: number;
}

/** An OpenAI-compatible server (POST /v1/chat/completions) that records every request. */
export interface FakeLlm extends Recorder<ChatRequest> {
  /** What to answer: the reply text, or an HTTP status to fail with. Default: a kind reply that reuses the first placeholder. */
  answer: (request: ChatRequest) => string | number | Promise<string | number>;
  /** Raw bodies as received, for "nothing raw went out". */
  raw: string[];
}

export async function fakeLlm(): Promise<FakeLlm> {
  const requests: ChatRequest[] = [];
  const raw: string[] = [];
  const llm: Partial<FakeLlm> = {
    requests,
    raw,
    answer: (request) => {
      const placeholder = request.messages.at(-1)!.content.match(/\[NAME_\d+\]/)?.[0];
      return `Thank you for telling me${placeholder ? `, and for telling me about ${placeholder}` : ''}. That sounds really hard. What feels heaviest right now?`;
    },
  };
  const server = await listen(async (body, req, res) => {
    raw.push(body);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return json(res, 404, { error: { message: 'not found' } });
    const request = JSON.parse(body) as ChatRequest;
    requests.push(request);
    const answer = await llm.answer!(request);
    if (typeof answer === 'number') return json(res, answer, { error: { message: 'failure', type: 'server_error' } });
    json(res, 200, {
      id: `chatcmpl-${randomUUID()}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 },
    });
  });
  return Object.assign(llm, { url: `http://127.0.0.1:${server.port}/v1`, close: server.close }) as FakeLlm;
}
