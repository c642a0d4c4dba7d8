// The citizen's own profile: what we show (personal ID masked) and the rules for
// changing it (real dates, a commune that exists, a CCCD that fits the birth date and sex).
import { checkPersonalId, maskPersonalId } from '@cds/contracts';
import type { Prefill as PrefillView, ProfilePatchBody as ProfilePatch, UserView } from '@cds/contracts/identity';
import type { DataCipher } from '../../platform/crypto.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { isUniqueViolation, searchTextOf } from './auth.ts';
import type { IdentityRepo, UserPatch, UserRow } from './repo.ts';
import { rolesOf } from './sessions.ts';
import type { AreasPort, RequestMeta } from './types.ts';
import { vietnamDay } from '@cds/contracts';

export const PERSONAL_ID_CONTEXT = 'users.personal_id';

export type { UserView, PrefillView, ProfilePatch };

/** Today's date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamToday(now = new Date()): string {
  return vietnamDay(now);
}

export function checkBirthDate(value: string, field: string, now = new Date()): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value || Number(m[1]) < 1900) {
    throw invalidField(field, 'identity.date_invalid');
  }
  if (value > vietnamToday(now)) throw invalidField(field, 'identity.date_future');
}

export class ProfileService {
  constructor(
    private readonly platform: Platform,
    private readonly repo: IdentityRepo,
    private readonly cipher: DataCipher,
    private readonly areas: AreasPort,
  ) {}

  personalIdOf(user: Pick<UserRow, 'personal_id_enc'>): string | null {
    return user.personal_id_enc ? this.cipher.decrypt(user.personal_id_enc, PERSONAL_ID_CONTEXT) : null;
  }

  async activeUser(userId: string): Promise<UserRow> {
    const user = await this.repo.findUser(userId);
    if (!user || user.status !== 'active') throw notFound('identity.user_not_found');
    return user;
  }

  /** `deletion`: the open deletion request's dates when the caller read them with the user. */
  async toView(user: UserRow, deletion?: { requested_at: Date; due_at: Date } | null): Promise<UserView> {
    const [memberships, open] = await Promise.all([
      this.areas.membershipsOf(user.id),
      deletion === undefined ? this.repo.openDeletion(user.id) : deletion,
    ]);
    const personalId = this.personalIdOf(user);
    return {
      id: user.id,
      phone: user.phone,
      fullName: user.full_name,
      dateOfBirth: user.date_of_birth,
      sex: user.sex,
      personalIdMasked: personalId ? maskPersonalId(personalId) : null,
      communeCode: user.commune_code,
      communeName: user.commune_code ? (this.areas.getCommune(user.commune_code)?.name ?? null) : null,
      address: user.address,
      eidLinked: user.eid_sub !== null,
      eidLevel: user.eid_level,
      roles: rolesOf(memberships),
      memberships: memberships.map((m) => ({ id: m.id, role: m.role, agencyId: m.agencyId, areaCode: m.areaCode })),
      createdAt: user.created_at.toISOString(),
      deletionRequestedAt: open?.requested_at.toISOString() ?? null,
      deletionDueAt: open?.due_at.toISOString() ?? null,
    };
  }

  async view(userId: string): Promise<UserView> {
    const user = await this.repo.findUserWithDeletion(userId);
    if (!user || user.status !== 'active') throw notFound('identity.user_not_found');
    const { deletion_requested_at: requestedAt, deletion_due_at: dueAt, ...row } = user;
    return this.toView(row, requestedAt && dueAt ? { requested_at: requestedAt, due_at: dueAt } : null);
  }

  /** Only ever for the owner; each read of the clear personal ID is audited like an export. */
  async prefill(userId: string, meta: RequestMeta): Promise<PrefillView> {
    const user = await this.activeUser(userId);
    const personalId = this.personalIdOf(user);
    await this.platform.audit.record({ actorUserId: userId, action: 'user.prefill_read', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined, details: { personalId: personalId !== null } });
    return {
      fullName: user.full_name,
      dateOfBirth: user.date_of_birth,
      sex: user.sex,
      personalId,
      phone: user.phone,
      communeCode: user.commune_code,
      communeName: user.commune_code ? (this.areas.getCommune(user.commune_code)?.name ?? null) : null,
      address: user.address,
      eid: { linked: user.eid_sub !== null, level: user.eid_level },
    };
  }

  async update(userId: string, patch: ProfilePatch, meta: RequestMeta): Promise<UserView> {
    const user = await this.activeUser(userId);
    const changes = await this.validate(user, patch);
    try {
      await this.platform.db.kysely.transaction().execute(async (trx) => {
        await this.repo.updateUser(userId, changes, trx);
        await this.platform.audit.record({ actorUserId: userId, action: 'user.profile_updated', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined, details: { fields: Object.keys(patch) } }, trx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw personalIdTaken();
      throw err;
    }
    return this.view(userId);
  }

  private async validate(user: UserRow, patch: ProfilePatch): Promise<UserPatch> {
    const out: UserPatch = {};
    if (patch.fullName !== undefined) {
      const name = patch.fullName.trim().replace(/\s+/g, ' ');
      if (!name) throw invalidField('fullName', 'identity.full_name_required');
      out.full_name = name;
      out.search_text = searchTextOf(name, user.phone);
    }
    if (patch.dateOfBirth !== undefined) {
      if (patch.dateOfBirth !== null) checkBirthDate(patch.dateOfBirth, 'dateOfBirth');
      out.date_of_birth = patch.dateOfBirth;
    }
    if (patch.sex !== undefined) out.sex = patch.sex;
    if (patch.communeCode !== undefined) {
      if (patch.communeCode !== null && !this.areas.getCommune(patch.communeCode)) throw invalidField('communeCode', 'identity.commune_unknown');
      out.commune_code = patch.communeCode;
    }
    if (patch.address !== undefined) out.address = patch.address?.trim() || null;
    Object.assign(out, await this.validatePersonalId(user, patch));
    return out;
  }

  private async validatePersonalId(user: UserRow, patch: ProfilePatch): Promise<UserPatch> {
    const current = this.personalIdOf(user);
    const changing = patch.personalId !== undefined;
    const id = changing ? patch.personalId?.replace(/\s/g, '') || null : current;
    if (changing && user.eid_sub !== null && id !== current) throw invalidField('personalId', 'identity.personal_id_locked');
    if (id) {
      const known = {
        dateOfBirth: patch.dateOfBirth !== undefined ? patch.dateOfBirth : user.date_of_birth,
        sex: patch.sex !== undefined ? patch.sex : user.sex,
      };
      const check = checkPersonalId(id, known);
      if (!check.ok) {
        const field = changing ? 'personalId' : check.problem === 'birth_mismatch' ? 'dateOfBirth' : 'sex';
        throw invalidField(field, `identity.personal_id_${check.problem}`);
      }
    }
    if (!changing) return {};
    if (!id) return { personal_id_enc: null, personal_id_hash: null };
    const hash = this.cipher.mac('personal_id', id);
    const holder = await this.repo.findUserByPersonalIdHash(hash);
    if (holder && holder.id !== user.id) throw personalIdTaken();
    return { personal_id_enc: this.cipher.encrypt(id, PERSONAL_ID_CONTEXT), personal_id_hash: hash };
  }
}

function personalIdTaken(): AppError {
  return new AppError(409, 'identity.personal_id_taken', {}, [{ field: 'personalId', message: 'identity.personal_id_taken' }]);
}
