import type http from 'node:http';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Principal } from '@resona/auth';
import type { Orm } from '@resona/db';
import { mapAsyncIterator } from '@resona/pubsub';
import type { SubgraphContext } from './context.js';

/**
 * graphql-ws on the subgraph's `/graphql`, for the gateway only: `connection_init` must carry
 * `{ authorization: "Bearer <internal token>" }`. Every event runs with a fresh context (fresh
 * EntityManager, loaders, consent checks and audit), so shield rules and consent are checked again
 * for each event, not only at subscribe time; reads of other people's data are audited per event.
 */
export function serveSubscriptions<C extends SubgraphContext>(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  authenticate: (authorization: string | undefined, requestId: string | null) => Promise<Principal & { expiresAtMs: number }>;
  contextFor: (principal: Principal) => C;
  orm: Orm;
  logger: Logger;
  formatError: (error: GraphQLError) => GraphQLFormattedError;
}) {
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown>, { principal?: Principal; timer?: NodeJS.Timeout }>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const principal = await options.authenticate(typeof authorization === 'string' ? authorization : undefined, null);
          ctx.extra.principal = principal;
          // The gateway reconnects with a fresh token; an old one never outlives its expiry here.
          ctx.extra.timer = setTimeout(() => ctx.extra.socket.close(CloseCode.Forbidden, 'Internal token expired'), Math.max(0, principal.expiresAtMs - Date.now()));
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => clearTimeout(ctx.extra.timer),
      context: (ctx) => options.contextFor(ctx.extra.principal!),
      subscribe: async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
        const principal = (args.contextValue as C).principal;
        return mapAsyncIterator(source as AsyncIterableIterator<unknown>, async (payload) => {
          const contextValue = options.contextFor(principal);
          const result = (await execute({ ...args, rootValue: payload, contextValue })) as ExecutionResult;
          await contextValue.audit.flush(contextValue.em).catch((error: unknown) => {
            options.logger.error({ err: error }, 'could not write the audit record for a subscription event');
            throw new GraphQLError('This event could not be recorded and is withheld.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
          });
          return result;
        });
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => options.formatError(e instanceof GraphQLError ? e : new GraphQLError(String(e)))) } as never;
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
