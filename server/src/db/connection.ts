// One database handle for the whole platform, over either embedded PGlite (default, no
// server needed) or PostgreSQL through a pool. Same SQL dialect, same migrations.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { postgisFromDisk, unpackedPostgis } from './postgis-files.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Database {
  kind: DatabaseKind;
  /** Typed query builder. Each module narrows it to its own tables with `withTables`. */
  kysely: Kysely<object>;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs several statements without parameters (migrations, pg-boss DDL); returns the last result. */
  exec<R = Record<string, unknown>>(text: string): Promise<QueryResult<R>>;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// pg returns int8/numeric as strings to avoid precision loss; counts in this platform fit
// in a JS number, so parse int8 and keep numeric as string for money-like values.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * PGlite is one connection. Kysely's PostgresDialect asks a pool for a client and keeps it
 * for a whole transaction, so a pool of one guarded by a queue gives correct transactions
 * and serialises everything else, which is what a single embedded connection needs.
 */
class PgliteSerialPool implements PostgresPool {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const pglite = this.pglite;
    return {
      async query(sqlText: string, params: readonly unknown[]) {
        const res = await pglite.query<Record<string, unknown>>(sqlText, params as unknown[]);
        const command = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase() as 'SELECT';
        return { command, rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
      },
      release: () => release(),
    } as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.tail;
  }

  /** Runs fn while holding the single connection, so it never interleaves with a transaction. */
  async withConnection<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await fn();
    } finally {
      client.release();
    }
  }
}

/**
 * The array types node-postgres (pg-types) turns into JS arrays; every other array column
 * arrives as PostgreSQL's text form on both engines alike.
 */
const PARSED_ARRAY_TYPES = new Set([1000, 1001, 1005, 1007, 1014, 1015, 1016, 1017, 1008, 1009, 1021, 1022, 1028, 1040, 1041,
  1115, 1182, 1183, 1185, 1187, 1231, 1270, 199, 791, 2951, 3807, 3907]);

type ParserTable = Record<string, (value: string, typeId: number) => unknown>;

/**
 * PGlite 0.5.8 copies its instance's parser table on every query (`{...this.parsers}`), and
 * that table holds a parser for every array type of the database: 412 entries with PostGIS,
 * about 0.3 ms and a dictionary of garbage per query, more than a key lookup itself. The base
 * types' parsers stay (array parsers look their element's up in the table) and, of the array
 * types, those node-postgres parses, so both engines give the app the same values. (Fixed
 * upstream in PGlite 0.5.17, which pglite-postgis 0.2.8 does not accept yet.)
 */
export function trimParserTable(parsers: ParserTable, base: ParserTable): ParserTable {
  return Object.fromEntries(Object.entries(parsers).filter(([oid]) => oid in base || PARSED_ARRAY_TYPES.has(Number(oid))));
}

/** Settings for the embedded server: a small buffer cache (the data directory's files are in the OS page cache anyway). */
const PGLITE_PARAMS = ['-c', 'shared_buffers=16MB'];

export async function openPglite(dataDir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  if (dataDir) await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const unpacked = await unpackedPostgis();
  const postgisExt = unpacked ? postgisFromDisk(postgis, unpacked) : postgis;
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  const pglite = new PGlite(dataDir, { extensions: { postgis: postgisExt, pg_trgm, unaccent }, loadDataDir: opts.loadDataDir, startParams: [...defaults, ...PGLITE_PARAMS] });
  await pglite.waitReady;
  const instance = pglite as unknown as { parsers: ParserTable };
  instance.parsers = trimParserTable(instance.parsers, types.parsers as ParserTable);
  const pool = new PgliteSerialPool(pglite);
  const kysely = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    kysely,
    query: <R>(text: string, params: readonly unknown[] = []) =>
      pool.withConnection(async () => {
        const res = await pglite.query<R>(text, params as unknown[]);
        return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
      }),
    exec: <R>(text: string) =>
      pool.withConnection(async () => {
        const results = await pglite.exec(text);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as R[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      }),
    listen: async (channel, onPayload) => {
      const unsub = await pglite.listen(channel, onPayload);
      return async () => unsub();
    },
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
    // exposed for the test template (dump/load) only
    ...({ pglite } as object),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Idle clients can emit errors when the server restarts; log instead of crashing.
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  await pool.query('select 1');
  const kysely = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(p: string) => void>>();
  return {
    kind: 'postgres',
    kysely,
    query: async <R>(text: string, params: readonly unknown[] = []) => {
      const res = (await pool.query(text, params as unknown[])) as unknown as pg.QueryResult | pg.QueryResult[];
      // a parameterless multi-statement text returns one result per statement
      const last = Array.isArray(res) ? res[res.length - 1] : res;
      return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
    },
    exec: async <R>(text: string) => {
      const res = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(res) ? res[res.length - 1] : res;
      return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
    },
    listen: async (channel, onPayload) => {
      if (!listener) {
        listener = new pg.Client({ connectionString: url });
        await listener.connect();
        listener.on('notification', (msg) => handlers.get(msg.channel)?.forEach((h) => h(msg.payload ?? '')));
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    close: async () => {
      await listener?.end().catch(() => undefined);
      // Kysely ends the pool only if it ever used it; raw queries may have used it alone.
      await kysely.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

export function openDatabase(opts: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(path.join(opts.dataDir, 'pglite'));
}

/**
 * The read replica (bản sao chỉ đọc) named by DATABASE_REPLICA_URL, or null without one.
 * Only for reads that may lag the writer by a moment: public anonymous lists, maps and feeds.
 */
export async function openReplica(opts: { databaseReplicaUrl: string | undefined }): Promise<Database | null> {
  return opts.databaseReplicaUrl ? openPostgres(opts.databaseReplicaUrl) : null;
}
