import { knex as createKnex, Knex } from 'knex';

/** A query as the database client is about to send it. */
export interface OutgoingQuery {
  sql: string;
  bindings: readonly unknown[];
}

/** Where to kill a {@link DatabaseProcess}: at its `query`-th query (1-based), before or after sending it. */
export interface KillPoint {
  query: number;
  /**
   * `false`: the query never leaves. `true`: it is sent, then the connections drop before the answer is
   * read, so the server may or may not have run it (a COMMIT may land without the process knowing).
   */
  inFlight: boolean;
}

export interface DatabaseProcess {
  /** A connection pool of its own to the same database, as another backend process opens one. */
  knex: Knex;
  /** Queries sent so far. */
  readonly queries: number;
  readonly killed: boolean;
  close(): Promise<void>;
}

class ProcessKilledError extends Error {
  constructor() {
    super('the process was killed');
  }
}

// Socket of a node-postgres connection; destroying it is what the server sees when a process dies.
function dropConnection(connection: any): void {
  connection?.connection?.stream?.destroy();
}

/**
 * Opens the database `like` uses, through a pool of its own, as a separate backend process would. On
 * PostgreSQL, `killAt` makes the process die at one query: every connection of the pool is dropped at the
 * socket, no further query or connection is made, and the server rolls back whatever transaction was open,
 * exactly as when the process is SIGKILLed. `beforeQuery` may hold a query back, to force an interleaving
 * of two processes.
 */
export function openDatabaseProcess(
  like: Knex,
  options: {
    killAt?: KillPoint;
    beforeQuery?(query: OutgoingQuery): Promise<void>;
  } = {},
): DatabaseProcess {
  let queries = 0;
  let killed = false;

  // Every connection the pool opened, so a kill can drop them all.
  const connections = new Set<unknown>();
  const killAll = () => {
    killed = true;
    connections.forEach(dropConnection);
  };

  // A subclass, not a patched instance: knex runs transaction queries through a fresh object made from the
  // client's prototype, which would bypass an instance patch.
  const Base = like.client.constructor as any;
  class KillableClient extends Base {
    async acquireRawConnection() {
      if (killed) {
        throw new ProcessKilledError();
      }
      const connection = await super.acquireRawConnection();
      connections.add(connection);
      return connection;
    }

    async destroyRawConnection(connection: unknown) {
      connections.delete(connection);
      return super.destroyRawConnection(connection);
    }

    async _query(connection: unknown, query: OutgoingQuery) {
      if (killed) {
        dropConnection(connection);
        throw new ProcessKilledError();
      }
      await options.beforeQuery?.(query);
      queries++;
      const { killAt } = options;
      if (killAt?.query !== queries) {
        return super._query(connection, query);
      }
      if (!killAt.inFlight) {
        killAll();
        throw new ProcessKilledError();
      }
      // node-postgres writes the query to the socket synchronously; the drop comes after it left.
      const answer = super._query(connection, query);
      setImmediate(killAll);
      return answer;
    }
  }

  // Connection errors of a killed process are the point of killing it; anything else is logged as usual.
  const logger = (like.client as any).logger;
  const unlessKilled =
    (level: 'warn' | 'error') =>
    (message: unknown): void => {
      if (!killed) {
        logger[level](message);
      }
    };
  const instance = createKnex({
    ...like.client.config,
    client: KillableClient,
    log: { warn: unlessKilled('warn'), error: unlessKilled('error') },
  });
  return {
    knex: instance,
    get queries() {
      return queries;
    },
    get killed() {
      return killed;
    },
    close: () => instance.destroy(),
  };
}
