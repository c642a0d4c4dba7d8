// Contract of public cameras: traffic, river and border-gate approach cameras with their
// place and HLS stream; a snapshot stands in when the stream is down.
import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from './common.ts';
import { CAMERA_KINDS } from './cameras.rules.ts';

export const CameraKind = Type.Enum(CAMERA_KINDS);

export const Camera = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: CameraKind,
  lat: Type.Number(),
  lon: Type.Number(),
  communeCode: Nullable(Type.String()),
  /** The HLS playlist (.m3u8): a path on this server or an https URL. */
  streamUrl: Type.String(),
  /** A still picture shown when the stream cannot be played. */
  snapshotUrl: Nullable(Type.String()),
});
export type Camera = Static<typeof Camera>;

export const CameraList = Type.Object({ items: Type.Array(Camera) });
export type CameraList = Static<typeof CameraList>;

export const CameraListQuery = Type.Object({ kind: Type.Optional(CameraKind) }, { additionalProperties: false });

export const CameraParams = Type.Object({ id: Uuid });

const Url = Type.String({ pattern: '^(https://|/)[^\\s]{1,500}$', maxLength: 500 });

export const CameraInput = Type.Object({
  code: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }),
  name: Type.String({ minLength: 2, maxLength: 200 }),
  kind: CameraKind,
  lat: Type.Number({ minimum: 8, maximum: 24 }),
  lon: Type.Number({ minimum: 102, maximum: 110 }),
  communeCode: Type.String({ pattern: '^[0-9]{5}$' }),
  streamUrl: Url,
  snapshotUrl: Type.Optional(Url),
}, { additionalProperties: false });
export type CameraInput = Static<typeof CameraInput>;
