// Passwords are hashed with argon2id (the library's default algorithm and parameters).
import { hash, verify } from '@node-rs/argon2';

export { PASSWORD_MIN_LENGTH as MIN_PASSWORD_LENGTH } from '@cds/contracts';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/**
 * False for a missing hash too, after doing the same work, so the reply time does not
 * tell whether a phone number has an account.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('not-a-real-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
