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
 * The token a caller presents: a bearer token first; else the cookie of
 * the identity the page speaks as, falling back to the person's cookie
 * (a commander may open the wall or a tablet page signed in as herself).
 */
export function tokenOf(credentials: Credentials): string | null {
  if (credentials.bearer) return credentials.bearer;
  const cookies = fastifyCookie.parse(credentials.cookie ?? "");
  const parsed = SpeakAs.safeParse(credentials.as ?? "person");
  const as: SpeakAsValue = parsed.success ? parsed.data : "person";
  return cookies[cookieName(as)] ?? cookies[cookieName("person")] ?? null;
}

/** The bearer token of an Authorization header, if there is one. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

/** Who presents these credentials; UNAUTHENTICATED with the reason if nobody. */
export async function identify(
  directory: AccessDirectory,
  credentials: Credentials,
): Promise<Identity> {
  const token = tokenOf(credentials);
  if (!token) {
    throw new MusterError(
      "UNAUTHENTICATED",
      "not signed in: sign in, or enrol this device",
    );
  }
  const result = await directory.authenticate(token);
  if (!result.ok) throw new MusterError("UNAUTHENTICATED", result.reason);
  return result.identity;
}
