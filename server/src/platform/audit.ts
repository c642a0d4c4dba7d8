// Append-only audit log: sign-ins, role changes, every staff read of personal data.
import type { Generated, JSONColumnType, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/connection.ts';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  details: JSONColumnType<Record<string, unknown>>;
}

type AuditTable = { audit_log: AuditLogTable };

export type AuditRow = Selectable<AuditLogTable>;
type Executor = Kysely<object>;

export class AuditLog {
  constructor(private readonly db: Database) {}

  /** Records an entry; pass the transaction so the entry commits with the change it describes. */
  async record(entry: AuditEntry, trx: Executor = this.db.kysely): Promise<void> {
    await trx
      .withTables<AuditTable>()
      .insertInto('audit_log')
      .values({
        actor_user_id: entry.actorUserId,
        action: entry.action,
        subject_type: entry.subjectType ?? null,
        subject_id: entry.subjectId ?? null,
        ip: entry.ip ?? null,
        details: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  async list(filter: { subjectType?: string; subjectId?: string; actorUserId?: string; limit?: number }): Promise<AuditRow[]> {
    let q = this.db.kysely.withTables<AuditTable>().selectFrom('audit_log').selectAll();
    if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
    if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
    return q.orderBy('id', 'desc').limit(Math.min(filter.limit ?? 100, 500)).execute();
  }
}
