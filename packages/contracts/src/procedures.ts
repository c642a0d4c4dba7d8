// Contract of the procedure catalogue (thủ tục hành chính): search, detail, and what an
// administrator sends to add or change a procedure.
import { Type, type Static } from 'typebox';
import { PROCEDURE_LEVELS, PROCEDURE_TIERS } from './procedures.rules.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const Level = Type.Enum(PROCEDURE_LEVELS, { description: "Online service level (Nghị định 42/2022): 'full_online' = toàn trình, 'partial_online' = một phần" });
export const Tier = Type.Enum(PROCEDURE_TIERS, { description: "Who handles it: 'commune' = the applicant's commune People's Committee; 'province' = a provincial agency" });

/** One field of an application form; the rules that check answers are in form-schema.ts. */
export const FormField = Type.Object({
  type: Type.Enum(['string', 'integer', 'number', 'boolean']),
  title: Text(300),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  enum: Type.Optional(Type.Array(Text(300), { minItems: 1, maxItems: 100 })),
  format: Type.Optional(Type.Enum(['date', 'email'])),
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
  pattern: Type.Optional(Type.String({ maxLength: 200 })),
  minimum: Type.Optional(Type.Number()),
  maximum: Type.Optional(Type.Number()),
  'x-personal-id': Type.Optional(Type.Boolean({ description: 'a personal ID number (số CCCD): encrypted at rest, shown masked except to the staff handling the dossier' })),
}, { additionalProperties: false });

export const FormSchema = Type.Object({
  type: Type.Literal('object'),
  title: Type.Optional(Type.String({ maxLength: 500 })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  properties: Type.Record(Type.String(), FormField),
  required: Type.Optional(Type.Array(Type.String())),
}, { additionalProperties: false, description: 'The application form as a JSON Schema subset (see packages/contracts/src/form-schema.ts)' });

export const Fee = Type.Object({
  name: Text(200),
  amountVnd: Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'Amount in đồng; 0 = free' }),
  note: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
}, { additionalProperties: false });
export type Fee = Static<typeof Fee>;

export const RequiredDocument = Type.Object({
  key: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }),
  name: Text(500),
  originals: Type.Integer({ minimum: 0, maximum: 20 }),
  copies: Type.Integer({ minimum: 0, maximum: 20 }),
  required: Type.Boolean(),
  template: Type.Union([Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,100}\\.pdf$' }), Type.Null()], { description: 'File name of a downloadable blank template in the pack, or null' }),
}, { additionalProperties: false });

const LifeEventKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });

export const ProcedureInput = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
  name: Text(500),
  sector: Text(200),
  level: Level,
  tier: Tier,
  agencyCode: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()]),
  agencyLabel: Text(300),
  processingDays: Type.Number({ minimum: 0, maximum: 365 }),
  processingNote: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  fees: Type.Array(Fee, { maxItems: 30 }),
  requiredDocuments: Type.Array(RequiredDocument, { maxItems: 50 }),
  applicants: Text(1000),
  legalBasis: Type.Array(Text(500), { maxItems: 50 }),
  steps: Type.Array(Text(1000), { minItems: 1, maxItems: 30 }),
  result: Text(1000),
  formSchema: FormSchema,
  lifeEvents: Type.Array(LifeEventKey, { maxItems: 20 }),
  keywords: Type.Array(Text(100), { maxItems: 100 }),
  essential: Type.Boolean(),
  online: Type.Boolean(),
  externalUrl: Type.Union([Type.String({ format: 'uri', maxLength: 500 }), Type.Null()]),
}, { additionalProperties: false });
export type ProcedureInput = Static<typeof ProcedureInput>;

/** A procedure in full: time, fees, documents, steps, legal basis and form. */
export const Procedure = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ...ProcedureInput.properties,
  requiredDocuments: Type.Array(Type.Object({
    ...RequiredDocument.properties,
    templateUrl: Type.Union([Type.String(), Type.Null()], { description: 'Download address of the template, or null' }),
  })),
  feeSummary: Type.String({ description: 'Plain words for the fee, e.g. "Miễn phí" or "2.000 đồng"' }),
  source: Type.Enum(['pack', 'admin']),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Procedure = Static<typeof Procedure>;

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words, with or without diacritics; abbreviations like CCCD, GPLX, HKD are understood' })),
  sector: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  agency: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Agency code, e.g. STP-20' })),
  level: Type.Optional(Level),
  tier: Type.Optional(Tier),
  lifeEvent: Type.Optional(LifeEventKey),
  essential: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

/** A procedure in a list of search results. */
export const SearchItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  sector: Type.String(),
  level: Level,
  tier: Tier,
  agencyCode: NullableString,
  agencyLabel: Type.String(),
  processingDays: Type.Number(),
  processingNote: NullableString,
  feeSummary: Type.String(),
  essential: Type.Boolean(),
  online: Type.Boolean(),
  lifeEvents: Type.Array(Type.String()),
});
export type SearchItem = Static<typeof SearchItem>;

export const SearchReply = Type.Object({ items: Type.Array(SearchItem), total: Type.Integer() });
export type SearchReply = Static<typeof SearchReply>;

/** A life event (having a baby, getting married…) with the number of procedures for it. */
export const LifeEventItem = Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() });
export type LifeEventItem = Static<typeof LifeEventItem>;
export const SectorItem = Type.Object({ name: Type.String(), count: Type.Integer() });
export type SectorItem = Static<typeof SectorItem>;

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40, description: 'Procedure id (uuid) or code' }) });
export const UuidParam = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const TemplateParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }), key: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }) });
/** The blank template of a required document, as a PDF file. */
export const TemplateFile = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'PDF file' });
