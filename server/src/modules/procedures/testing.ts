// Test wiring: areas + procedures with a stand-in session resolver, so the HTTP tests
// can act as a sysadmin, an agency admin or a citizen without the identity module.
import type { Principal } from '../../platform/auth.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { buildApp, type BuiltApp } from '../../app.ts';
import { createTestDatabase, testConfig } from '../../../test/helpers.ts';
import type { Database } from '../../db/connection.ts';
import { areasModule } from '../areas/index.ts';
import { proceduresModule } from './index.ts';

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
