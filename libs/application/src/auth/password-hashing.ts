import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the package's const enum cannot be read under isolatedModules. */
const ARGON2ID = 2;

/**
 * Argon2id with OWASP's baseline cost (19 MiB, 2 passes): slow enough to make stolen hashes
 * expensive to attack, fast enough (~30–60 ms here) for a login. Parameters travel inside the
 * PHC string, so raising them later leaves old hashes verifiable.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * Verified against when the user name is unknown, so that an unknown name takes as long as a
 * wrong password and login timing does not tell which names exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
