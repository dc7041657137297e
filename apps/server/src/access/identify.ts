import fastifyCookie from "@fastify/cookie";
import {
  MusterError,
  SpeakAs,
  cookieName,
  type SpeakAs as SpeakAsValue,
} from "@muster/protocol";
import type { AccessDirectory, Identity } from "@muster/auth";

/** Where a caller's token may come from. */
export interface Credentials {
  /** `Authorization: Bearer …` or the socket's `auth.token`: scripts, tests. */
  bearer?: string | undefined;
  /** The raw Cookie header: pages. */
  cookie?: string | undefined;
  /** Which of the browser's identities the page speaks as. */
  as?: unknown;
}

/**
 * The tokens a caller presents, best first: a bearer token alone; else the
 * cookie of the identity the page speaks as, then the person's cookie (a
 * commander may open the wall or a tablet page signed in as herself, and
 * a revoked wall's cookie must not hide the person signed in beside it).
 */
export function tokensOf(credentials: Credentials): string[] {
  if (credentials.bearer) return [credentials.bearer];
  const cookies = fastifyCookie.parse(credentials.cookie ?? "");
  const parsed = SpeakAs.safeParse(credentials.as ?? "person");
  const as: SpeakAsValue = parsed.success ? parsed.data : "person";
  const tokens = [cookies[cookieName(as)], cookies[cookieName("person")]];
  return [...new Set(tokens.filter((t): t is string => Boolean(t)))];
}

/** The bearer token of an Authorization header, if there is one. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

/**
 * Who presents these credentials: the first token that is still good;
 * UNAUTHENTICATED with the first one's reason if none is.
 */
export async function identify(
  directory: AccessDirectory,
  credentials: Credentials,
): Promise<Identity> {
  const tokens = tokensOf(credentials);
  if (tokens.length === 0) {
    throw new MusterError(
      "UNAUTHENTICATED",
      "not signed in: sign in, or enrol this device",
    );
  }
  let reason = "";
  for (const token of tokens) {
    const result = await directory.authenticate(token);
    if (result.ok) return result.identity;
    reason ||= result.reason;
  }
  throw new MusterError("UNAUTHENTICATED", reason);
}
