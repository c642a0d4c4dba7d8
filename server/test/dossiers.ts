// Test wiring: the dossiers module with stand-in procedures and people, and a stand-in
// session resolver, for tests that must not depend on other modules' demo data.
import type { Principal } from '../src/platform/auth.ts';
import type { ModuleDefinition } from '../src/platform/module.ts';
import { areasModule } from '../src/modules/areas/index.ts';
import { notificationsModule } from '../src/modules/notifications/index.ts';
import { createDossiersModule, type DossierServices } from '../src/modules/dossiers/definition.ts';
import type { PersonInfo, ProcedureInfo } from '../src/modules/dossiers/ports.ts';

export const BIRTH: ProcedureInfo = {
  id: 'test-birth',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  tier: 'commune',
  agencyCode: null,
  formSchema: {
    type: 'object',
    properties: {
      childName: { type: 'string', title: 'Họ tên trẻ' },
      parentIdNumber: { type: 'string', title: 'Số CCCD của người đi khai sinh', 'x-personal-id': true },
    },
    required: ['childName'],
  },
  processingDays: 3,
  fees: [],
  requiredDocuments: [
    { key: 'birth_certificate', name: 'Giấy chứng sinh', required: true },
    { key: 'parent_id', name: 'Giấy tờ tùy thân của người đi khai sinh', required: false },
  ],
};

export const FEE_PROCEDURE: ProcedureInfo = { ...BIRTH, id: 'test-fee', code: '2.000001', name: 'Cấp bản sao trích lục hộ tịch', fees: [{ name: 'Lệ phí', amountVnd: 8000 }] };

export interface StandIn {
  principals: Map<string, Principal>;
  people: Map<string, PersonInfo>;
  signIn(token: string, principal: Omit<Principal, 'sessionId'>, person: PersonInfo): string;
}

export function standInModules(): { modules: ModuleDefinition[]; standIn: StandIn; services: () => DossierServices } {
  let services: DossierServices | undefined;
  const principals = new Map<string, Principal>();
  const people = new Map<string, PersonInfo>();
  const standIn: StandIn = {
    principals,
    people,
    signIn(token, principal, person) {
      principals.set(token, { ...principal, sessionId: token });
      people.set(principal.userId, person);
      return token;
    },
  };
  const sessions: ModuleDefinition<void> = {
    name: 'test-sessions',
    create: () => ({ api: undefined, sessionResolver: async (token) => principals.get(token) ?? null }),
  };
  const procedures = new Map([BIRTH, FEE_PROCEDURE].map((p) => [p.id, p]));
  const dossiers = createDossiersModule((platform) => {
    const areas = platform.use(areasModule);
    return {
      procedures: {
        getProcedure: async (id) => procedures.get(id) ?? null,
        resolveAgency: async (_p, commune) => {
          const a = await areas.agencyForCommune(commune);
          return a ? { agencyId: a.id } : null;
        },
        validateForm: (_p, data) => (typeof data.childName === 'string' && data.childName.trim() ? [] : [{ field: 'childName', message: 'validation.required' }]),
        countProcedures: async () => ({ total: 4, online: 3 }),
      },
      areas: {
        getAgency: async (id) => (await areas.getAgency(id)) ?? null,
        isWithin: (code, scope) => areas.isWithin(code, scope),
        communeName: async (code) => areas.getCommune(code)?.name ?? null,
      },
      people: { person: async (userId) => people.get(userId) ?? null },
      notifier: platform.use(notificationsModule),
    };
  }, (s) => { services = s; });
  return { modules: [areasModule, notificationsModule, sessions, dossiers], standIn, services: () => services! };
}
