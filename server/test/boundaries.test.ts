// The lint rule that keeps the server's shape (eslint.config.js, cds/boundaries) fires on
// each kind of wrong import and stays quiet on the right ones. (`npm run check` applies it
// to the whole tree.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary messages for `code` as if it were the file at `filePath` (relative to the repo). */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'cds/boundaries').map((m) => m.message);
}

describe('server boundaries lint rule', () => {
  it("refuses a module reaching into another module's files", async () => {
    const found = await problems('server/src/modules/reports/x.ts', "import { AreasRepo } from '../areas/repo.ts';\nexport const r = AreasRepo;\n");
    assert.deepEqual(found, ['Import module "areas" through its index.ts, not areas/repo.ts.']);
    const nested = await problems('server/src/modules/identity/eid/x.ts', "export { fold } from '../../areas/service.ts';\n");
    assert.equal(nested.length, 1);
  });

  it("accepts another module's index.ts, the module list and the module's own files", async () => {
    const code = "import { areasModule } from '../areas/index.ts';\nimport { MODULES } from '../index.ts';\nimport * as repo from './repo.ts';\nexport const all = [areasModule, MODULES, repo];\n";
    assert.deepEqual(await problems('server/src/modules/reports/x.ts', code), []);
  });

  it('refuses app.ts anywhere under server/src but main.ts', async () => {
    const code = "import { buildApp } from '../../app.ts';\nexport const b = buildApp;\n";
    assert.equal((await problems('server/src/modules/reports/x.test.ts', code)).length, 1);
    assert.deepEqual(await problems('server/src/main.ts', "import { buildApp } from './app.ts';\nexport const b = buildApp;\n"), []);
  });

  it('keeps test harnesses in server/test/', async () => {
    assert.deepEqual(await problems('server/src/modules/reports/testing.ts', 'export const x = 1;\n'), ['Test harnesses live in server/test/, not beside the code.']);
    const harness = "import { signIn } from '../../../test/identity.ts';\nexport const s = signIn;\n";
    assert.equal((await problems('server/src/modules/reports/service.ts', harness)).length, 1, 'code may not use a harness');
    assert.deepEqual(await problems('server/src/modules/reports/x.test.ts', harness), [], 'tests may');
  });

  it('keeps platform/ and db/ free of modules', async () => {
    const code = "import { MODULES } from '../modules/index.ts';\nexport const m = MODULES;\n";
    assert.equal((await problems('server/src/platform/x.ts', code)).length, 1);
    assert.equal((await problems('server/src/db/x.ts', code)).length, 1);
  });
});
