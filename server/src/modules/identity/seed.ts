// Demo accounts (demo mode only), all with the password Demo@2026. Only the accounts:
// staff memberships (agency, role, area) are seeded by the areas module through
// afterDemoUsersSeeded, once these users exist.
import type { DataCipher } from '../../platform/crypto.ts';
import type { Platform } from '../../platform/module.ts';
import { searchTextOf } from './auth.ts';
import { hashPassword } from './passwords.ts';
import { PERSONAL_ID_CONTEXT } from './profile.ts';
import type { IdentityRepo, Sex } from './repo.ts';

export const DEMO_PASSWORD = 'Demo@2026';

/** What a demo account needs to exist; other modules seed their demo staff with this. */
export type DemoUserInput = Omit<DemoUser, 'role'>;

export interface DemoUser {
  phone: string;
  fullName: string;
  /** The role the areas module gives this account (citizen = no membership). */
  role: 'citizen' | 'officer' | 'leader' | 'community_helper' | 'sysadmin';
  communeCode: string | null;
  dateOfBirth?: string;
  sex?: Sex;
  personalId?: string;
  address?: string;
}

// 05983 = Phường Lương Văn Tri, 06040 = Xã Thất Khê (Lạng Sơn)
export const DEMO_USERS: readonly DemoUser[] = [
  { phone: '0900000001', fullName: 'Nguyễn Văn An', role: 'citizen', communeCode: '05983', dateOfBirth: '1985-03-12', sex: 'male', personalId: '020085001234', address: 'Số 12 đường Bà Triệu' },
  { phone: '0900000002', fullName: 'Hoàng Thị Bình', role: 'citizen', communeCode: '06040', dateOfBirth: '1990-05-20', sex: 'female', address: 'Thôn Nà Phái' },
  { phone: '0900000101', fullName: 'Phạm Minh Đức', role: 'officer', communeCode: '05983' },
  { phone: '0900000102', fullName: 'Vi Thị Hoa', role: 'officer', communeCode: '06040' },
  { phone: '0900000201', fullName: 'Lương Văn Hải', role: 'leader', communeCode: '05983' },
  { phone: '0900000301', fullName: 'Nông Thị Khánh', role: 'community_helper', communeCode: '05983' },
  { phone: '0900000901', fullName: 'Quản trị hệ thống', role: 'sysadmin', communeCode: null },
];

// One argon2id hash for every demo account (they share the password anyway): the demo seeds
// dozens of staff accounts, and hashing each one separately made the first start slow.
let demoHash: Promise<string> | undefined;

export async function seedDemoUsers(platform: Platform, repo: IdentityRepo, cipher: DataCipher, users: readonly DemoUserInput[] = DEMO_USERS): Promise<void> {
  // one query finds those already there (all of them, on a restart)
  const existing = await repo.userIdsByPhones(users.map((u) => u.phone));
  for (const u of users) {
    if (existing.has(u.phone)) continue;
    demoHash ??= hashPassword(DEMO_PASSWORD);
    const passwordHash = await demoHash;
    await platform.db.kysely.transaction().execute(async (trx) => {
      const id = await repo.insertUser({
        phone: u.phone,
        password_hash: passwordHash,
        full_name: u.fullName,
        date_of_birth: u.dateOfBirth ?? null,
        sex: u.sex ?? null,
        personal_id_enc: u.personalId ? cipher.encrypt(u.personalId, PERSONAL_ID_CONTEXT) : null,
        personal_id_hash: u.personalId ? cipher.mac('personal_id', u.personalId) : null,
        commune_code: u.communeCode,
        address: u.address ?? null,
        search_text: searchTextOf(u.fullName, u.phone),
      }, trx);
      await platform.audit.record({ actorUserId: null, action: 'user.seeded', subjectType: 'user', subjectId: id, details: { demo: true } }, trx);
    });
  }
}
