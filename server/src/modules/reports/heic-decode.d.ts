// The small part of heic-decode (v2, a WebAssembly libheif; no bundled types) that photos.ts uses.
declare module 'heic-decode' {
  export interface DecodedImage {
    width: number;
    height: number;
    /** RGBA, 4 bytes a pixel */
    data: Uint8ClampedArray;
  }

  export interface HeicImage {
    width: number;
    height: number;
    decode(): Promise<DecodedImage>;
  }

  interface Decode {
    (input: { buffer: Uint8Array }): Promise<DecodedImage>;
    /** Lists the images without decoding them; call dispose() to free the WebAssembly memory. */
    all(input: { buffer: Uint8Array }): Promise<HeicImage[] & { dispose(): void }>;
  }

  const decode: Decode;
  export default decode;
}
