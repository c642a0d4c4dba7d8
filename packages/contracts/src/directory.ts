// API of the directory (danh bạ): agencies with contact details, opening hours and the
// procedures they handle; hotlines; welfare benefits (an sinh xã hội) and the questionnaire.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from './common.ts';
import { DISABILITY_LEVELS, HOTLINE_KINDS, HOUSEHOLD_STATUSES, WELFARE_BENEFITS } from './directory.rules.ts';
import { AGENCY_KINDS } from './areas.rules.ts';

const NullableString = Nullable(Type.String());
const Time = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:mm, Vietnam time' });

export const OpeningPeriod = Type.Object({ from: Time, to: Time }, { additionalProperties: false });
const Periods = Type.Array(OpeningPeriod, { maxItems: 4 });
export const OpeningHours = Type.Object({
  weekly: Type.Object({ mon: Periods, tue: Periods, wed: Periods, thu: Periods, fri: Periods, sat: Periods, sun: Periods }, { additionalProperties: false }),
  openOnHolidays: Type.Boolean(),
}, { additionalProperties: false });
export type OpeningHours = Static<typeof OpeningHours>;

export const OpenStatus = Type.Object({
  open: Type.Boolean(),
  closesAt: NullableString,
  opensNext: Nullable(Type.Object({ day: Type.String(), at: Type.String() })),
  holiday: NullableString,
});
export type OpenStatus = Static<typeof OpenStatus>;

const AgencyKind = Type.Enum(AGENCY_KINDS);

/** An agency in the directory list. */
const itemFields = {
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: AgencyKind,
  areaCode: Type.String(),
  areaName: NullableString,
  address: NullableString,
  phone: NullableString,
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  openNow: OpenStatus,
  /** Metres from the point asked for ("near me"), else null. */
  distanceM: Nullable(Type.Number()),
};
export const DirectoryItem = Type.Object(itemFields);
export type DirectoryItem = Static<typeof DirectoryItem>;

export const DirectoryQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Words of the name or address, with or without diacritics' })),
  kind: Type.Optional(AgencyKind),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  openNow: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const DirectoryList = Type.Object({ items: Type.Array(DirectoryItem), total: Type.Integer() });
export type DirectoryList = Static<typeof DirectoryList>;

export const HandledProcedure = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

/** One agency in full. */
export const DirectoryEntry = Type.Object({
  ...itemFields,
  email: NullableString,
  website: NullableString,
  /** Where to go inside: the one-stop counter (bộ phận một cửa). */
  counter: NullableString,
  note: NullableString,
  hours: OpeningHours,
  procedures: Type.Array(HandledProcedure),
  proceduresTotal: Type.Integer(),
  updatedAt: Nullable(DateTime),
  /** Whether the caller may edit this entry. */
  editable: Type.Boolean(),
});
export type DirectoryEntry = Static<typeof DirectoryEntry>;

const Text = (max: number) => Nullable(Type.String({ maxLength: max }));

/** What agency staff may change of their own entry; omitted fields stay. */
export const DirectoryEntryPatch = Type.Object({
  address: Type.Optional(Text(300)),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9 .()+-]{3,20}$', description: 'Digits, spaces, dots, + ( ) -' }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  website: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 300 }))),
  counter: Type.Optional(Text(300)),
  note: Type.Optional(Text(500)),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lon: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  hours: Type.Optional(OpeningHours),
}, { additionalProperties: false, minProperties: 1 });
export type DirectoryEntryPatch = Static<typeof DirectoryEntryPatch>;

export const AgencyIdParams = Type.Object({ id: Uuid });

export const Hotline = Type.Object({
  kind: Type.Enum(HOTLINE_KINDS),
  number: NullableString,
  name: Type.String(),
  purpose: Type.String(),
});
export type Hotline = Static<typeof Hotline>;
export const HotlineList = Type.Array(Hotline);

const BenefitKey = Type.Enum(WELFARE_BENEFITS);

export const WelfareBenefit = Type.Object({
  key: BenefitKey,
  name: Type.String(),
  summary: Type.String(),
  whoQualifies: Type.Array(Type.String()),
  whatItGives: Type.Array(Type.String()),
  whereToApply: Type.String(),
  legalBasis: Type.Array(Type.String()),
  procedures: Type.Array(HandledProcedure),
});
export type WelfareBenefit = Static<typeof WelfareBenefit>;
export const WelfareBenefitList = Type.Array(WelfareBenefit);
export const WelfareKeyParams = Type.Object({ key: BenefitKey });

export const WelfareAnswers = Type.Object({
  age: Type.Integer({ minimum: 0, maximum: 130 }),
  household: Type.Enum(HOUSEHOLD_STATUSES),
  disability: Type.Enum(DISABILITY_LEVELS),
  hasPension: Type.Boolean(),
  lostJobWithInsurance: Type.Boolean(),
  noSupporter: Type.Boolean(),
}, { additionalProperties: false });
export type WelfareAnswers = Static<typeof WelfareAnswers>;

export const WelfareCheckReply = Type.Object({
  /** Always true: the answer is guidance, the commune decides. */
  guidanceOnly: Type.Literal(true),
  benefits: Type.Array(WelfareBenefit),
});
export type WelfareCheckReply = Static<typeof WelfareCheckReply>;
