import { createHash, randomBytes, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Letters and digits without look-alikes (no I, O, 0, 1), for people to type. */
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random string of `length` characters a person can read out. */
export function readableSecret(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A one-time password: 16 characters in groups of four, ~80 bits. */
export function oneTimePassword(): string {
  return readableSecret(16).match(/.{4}/g)!.join("-").toLowerCase();
}

/** An enrolment code: 10 characters, ~50 bits, used once within minutes. */
export function enrolmentCode(): string {
  return readableSecret(10);
}

/** Argon2id with the library's defaults (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(
  stored: string,
  password: string,
): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never matches
  }
}

/**
 * Enrolment codes are stored hashed: the code is random and short-lived,
 * so a fast hash is enough to keep a copied database from enrolling.
 */
export function codeDigest(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** A fresh 256-bit signing secret. */
export function newSigningSecret(): Buffer {
  return randomBytes(32);
}
