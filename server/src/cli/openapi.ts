// npm run openapi --workspace server [-- out.json]
// Writes the OpenAPI document without a database: every module is built and every route
// registered, nothing is started, seeded or queried (a query here fails loudly). The web app's component tests check their fake server's replies against
// this document, so the two sides cannot drift apart.
import fs from 'node:fs';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { buildApp } from '../app.ts';

const noDatabase = (): never => {
  throw new Error('building the OpenAPI document must not touch the database');
};

const db: Database = {
  kind: 'postgres',
  kysely: new Kysely<object>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
  query: async () => noDatabase(),
  exec: async () => noDatabase(),
  // modules subscribe to notifications while they are built; nothing is ever sent here
  listen: async () => async () => {},
  close: async () => {},
};

const config = loadConfig({ ...process.env, DEMO_MODE: 'true', LOG_LEVEL: 'silent' });
const built = await buildApp({ config, db, logger: false });
await built.app.ready();
const document = JSON.stringify(built.app.swagger());
await built.app.close();
const out = process.argv[2];
if (out) fs.writeFileSync(out, document);
else process.stdout.write(document);
