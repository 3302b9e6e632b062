import { Client } from 'pg';

type QueryMethod = (this: Client, ...args: unknown[]) => unknown;
type Callback = (error: Error | null, result?: unknown) => void;

/** pg's own error when a statement got no answer within `query_timeout`. */
function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/**
 * The pool's client: when the server leaves a statement unanswered past `query_timeout`
 * (a stopped or frozen server: its statement_timeout cannot fire), the connection is
 * dropped. pg alone fails the statement but keeps it running on the connection, so the
 * transaction's ROLLBACK, and every request that borrows the connection afterwards, would
 * each wait out the timeout behind it. A dropped connection fails them at once and the pool
 * opens a fresh one when the server is back.
 */
export class BoundedClient extends Client {}

const query = Client.prototype.query as unknown as QueryMethod;

function dropWhenStalled(client: Client, error: unknown): void {
  // With a statement still in flight, end() destroys the socket instead of waiting for it.
  if (isReadTimeout(error)) void client.end().catch(() => undefined);
}

Object.defineProperty(BoundedClient.prototype, 'query', {
  configurable: true,
  writable: true,
  value: function boundedQuery(this: Client, ...args: unknown[]): unknown {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: Error | null, result?: unknown): void => {
        dropWhenStalled(this, error);
        (callback as Callback)(error, result);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        dropWhenStalled(this, error);
        throw error;
      });
    }
    return result;
  },
});
