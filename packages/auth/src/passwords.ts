import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane): about 20 ms a hash
 * here, slow enough to make guessing expensive, fast enough for a login path.
 */
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('resona-timing-equaliser'));

/** Why a password is refused, or null when it is acceptable (NIST 800-63B: length, not composition rules). */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (password.length < 10) return 'Password must be at least 10 characters.';
  if (password.length > 256) return 'Password must be at most 256 characters.';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'Password is too repetitive.';
  if (COMMON_PASSWORDS.has(lower)) return 'Password is too common.';
  if (context.some((c) => c.length >= 4 && lower.includes(c.toLowerCase()))) return 'Password must not contain your name or email.';
  return null;
}

const COMMON_PASSWORDS = new Set([
  'password123', 'password1234', '1234567890', 'qwertyuiop', '12345678910', 'iloveyou123', 'password12',
  'qwerty12345', 'abcdefghij', 'letmein1234', 'welcome123', 'nairobi2026', 'kenya12345', 'tanzania123',
]);
