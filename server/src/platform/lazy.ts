// Packages only some requests need (PDF, images, QR codes, outbound HTTP pools, import
// formats) are loaded on first use, not at start: loading them took about a quarter of the
// time a start spends loading code (bench/results/footprint.md).

/** `load` called once, on the first call; every call gets the same promise. */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** sharp (libvips), for the modules that re-encode photos. */
export const loadSharp = lazily(async () => (await import('sharp')).default);

/** qrcode, for the modules that draw VietQR and tracking codes. */
export const loadQrCode = lazily(async () => (await import('qrcode')).default);
