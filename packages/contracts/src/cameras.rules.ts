// Public cameras (camera công cộng): their kinds, for both sides.
export const CAMERA_KINDS = ['traffic', 'river', 'border_gate'] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];
