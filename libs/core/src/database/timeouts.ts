/** How long the API waits on PostgreSQL before it gives up and answers SERVICE_UNAVAILABLE. */
export interface DatabaseTimeouts {
  /**
   * PostgreSQL's statement_timeout for every statement of the pool's connections, in ms
   * (0: none). The client also gives up on a statement the server does not answer within
   * this bound plus STALLED_SERVER_GRACE_MS, and drops that connection.
   */
  statementTimeoutMs: number;
  /** Longest wait for a pooled connection (a free one, or a new one to be opened), in ms. */
  connectTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementTimeoutMs: 5000,
  connectTimeoutMs: 3000,
};

/** Time the server gets past statement_timeout to cancel a statement itself before the client gives up. */
export const STALLED_SERVER_GRACE_MS = 1000;
