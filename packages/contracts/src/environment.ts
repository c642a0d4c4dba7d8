// Contract of environment monitoring (quan trắc môi trường): stations (air, river water
// level, rainfall), readings pushed by stations with their own key or imported from CSV,
// VN_AQI now and over 24 hours / 30 days, river levels against alarm levels.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from './common.ts';
import { AQI_BAND_KEYS, STATION_KINDS } from './environment.rules.ts';

export const StationKind = Type.Enum(STATION_KINDS);
export const AqiBand = Type.Enum(AQI_BAND_KEYS);

const Concentration = Type.Number({ minimum: 0, maximum: 100000 });

/** One station's reading at one time; only the fields the station measures. */
export const Reading = Type.Object({
  /** When it was measured (ISO 8601 with offset); late and out-of-order readings are accepted. */
  at: DateTime,
  pm25: Type.Optional(Concentration),
  pm10: Type.Optional(Concentration),
  o3: Type.Optional(Concentration),
  co: Type.Optional(Concentration),
  so2: Type.Optional(Concentration),
  no2: Type.Optional(Concentration),
  /** Water level in metres (cao độ). */
  waterLevel: Type.Optional(Type.Number({ minimum: -100, maximum: 3000 })),
  /** Rain in the hour, mm. */
  rainfall: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
}, { additionalProperties: false });
export type Reading = Static<typeof Reading>;

export const IngestBody = Type.Object({
  readings: Type.Array(Reading, { minItems: 1, maxItems: 1000 }),
}, { additionalProperties: false });
export type IngestBody = Static<typeof IngestBody>;

export const IngestReply = Type.Object({
  /** Readings stored now. */
  accepted: Type.Integer(),
  /** Readings already stored for that station and time (sent again): left as they were. */
  duplicates: Type.Integer(),
});
export type IngestReply = Static<typeof IngestReply>;

export const AirNow = Type.Object({
  aqi: Type.Integer(),
  band: AqiBand,
  dominant: Type.String(),
  at: DateTime,
});

export const RiverNow = Type.Object({
  level: Type.Number(),
  /** 0 below báo động I, else the alarm level reached. */
  alarm: Type.Integer({ minimum: 0, maximum: 3 }),
  at: DateTime,
});

export const Station = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: StationKind,
  lat: Type.Number(),
  lon: Type.Number(),
  communeCode: Nullable(Type.String()),
  alarm1: Nullable(Type.Number()),
  alarm2: Nullable(Type.Number()),
  alarm3: Nullable(Type.Number()),
  /** Air stations: the hourly VN_AQI now (null without enough dust data). */
  air: Nullable(AirNow),
  /** River stations: the latest level. */
  river: Nullable(RiverNow),
  /** Rainfall stations: rain over the last 24 hours, mm. */
  rain24h: Nullable(Type.Number()),
  lastReadingAt: Nullable(DateTime),
});
export type Station = Static<typeof Station>;

export const StationList = Type.Object({ items: Type.Array(Station) });
export type StationList = Static<typeof StationList>;

export const NearestQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  kind: Type.Optional(StationKind),
}, { additionalProperties: false });
export type NearestQuery = Static<typeof NearestQuery>;

export const NearestReply = Type.Object({ station: Station, distanceKm: Type.Number() });
export type NearestReply = Static<typeof NearestReply>;

export const StationParams = Type.Object({ id: Uuid });

export const SeriesQuery = Type.Object({
  range: Type.Union([Type.Literal('24h'), Type.Literal('30d')]),
}, { additionalProperties: false });
export type SeriesQuery = Static<typeof SeriesQuery>;

/** One point: hourly (24h) or daily (30d). `value` is the VN_AQI, the water level (m) or the rain (mm). */
export const SeriesPoint = Type.Object({ at: DateTime, value: Nullable(Type.Number()) });
export const Series = Type.Object({
  stationId: Uuid,
  kind: StationKind,
  range: Type.Union([Type.Literal('24h'), Type.Literal('30d')]),
  points: Type.Array(SeriesPoint),
});
export type Series = Static<typeof Series>;

const Coordinate = { lat: Type.Number({ minimum: 8, maximum: 24 }), lon: Type.Number({ minimum: 102, maximum: 110 }) };
const AlarmValue = Type.Optional(Nullable(Type.Number({ minimum: -100, maximum: 3000 })));

export const StationInput = Type.Object({
  code: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }),
  name: Type.String({ minLength: 2, maxLength: 200 }),
  kind: StationKind,
  ...Coordinate,
  communeCode: Type.String({ pattern: '^[0-9]{5}$' }),
  alarm1: AlarmValue,
  alarm2: AlarmValue,
  alarm3: AlarmValue,
}, { additionalProperties: false });
export type StationInput = Static<typeof StationInput>;

/** A station with its new key: shown once, only its hash is kept. */
export const StationWithKey = Type.Object({ station: Station, key: Type.String() });
export type StationWithKey = Static<typeof StationWithKey>;

export const CsvImportBody = Type.Object({
  /** CSV text: header `station,at,pm25,pm10,o3,co,so2,no2,water_level,rainfall` (columns after `at` optional). */
  csv: Type.String({ minLength: 1, maxLength: 5_000_000 }),
}, { additionalProperties: false });

export const CsvImportReply = Type.Object({
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
});
export type CsvImportReply = Static<typeof CsvImportReply>;
