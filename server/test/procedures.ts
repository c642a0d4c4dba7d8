// Test wiring: areas + procedures with a stand-in session resolver, so the HTTP tests
// can act as a sysadmin, an agency admin or a citizen without the identity module.
import type { Principal } from '../src/platform/auth.ts';
import type { ModuleDefinition } from '../src/platform/module.ts';
import { buildApp, type BuiltApp } from '../src/app.ts';
import { createTestDatabase, testConfig } from './helpers.ts';
import type { Database } from '../src/db/connection.ts';
import { areasModule } from '../src/modules/areas/index.ts';
import { proceduresModule } from '../src/modules/procedures/index.ts';

export type ProceduresTestApp = BuiltApp & {
  db: Database;
  signIn(token: string, principal: Omit<Principal, 'sessionId'>): string;
  teardown(): Promise<void>;
};

export async function createProceduresTestApp(): Promise<ProceduresTestApp> {
  const principals = new Map<string, Principal>();
  const sessions: ModuleDefinition<void> = {
    name: 'test-sessions',
    create: () => ({ api: undefined, sessionResolver: async (token) => principals.get(token) ?? null }),
  };
  const { db, drop } = await createTestDatabase();
  const built = await buildApp({ config: testConfig(), db, logger: false, modules: [areasModule, sessions, proceduresModule] });
  await built.start({ seed: true, work: false });
  await built.app.ready();
  return {
    ...built,
    db,
    signIn(token, principal) {
      principals.set(token, { ...principal, sessionId: token });
      return token;
    },
    teardown: async () => {
      await built.close();
      await drop();
    },
  };
}
