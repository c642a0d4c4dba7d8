// Files chosen in the browser, made ready for a JSON body (the outbox keeps bodies as JSON).

/** The file's bytes in base64, read in slices so a large file does not overflow the call stack. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
