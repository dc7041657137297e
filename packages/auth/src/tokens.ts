import { SignJWT, jwtVerify, errors } from "jose";

/** What a token says: whose session it is. Everything else is looked up. */
export interface TokenClaims {
  /** Account or device id. */
  sub: string;
  /** Session id; a device's own id. */
  sid: string;
  kind: "person" | "device";
}

const issuer = "muster";

/**
 * Signs and checks session tokens (HS256 JWTs). A token only names a
 * session; the server's session table decides whether it is still good,
 * so signing out or revoking ends it at once.
 */
export class TokenSigner {
  readonly #key: Uint8Array;

  constructor(secret: Uint8Array) {
    if (secret.byteLength < 32) {
      throw new Error("the signing secret needs at least 32 bytes");
    }
    this.#key = secret;
  }

  sign(claims: TokenClaims, expiresAt: number | null): Promise<string> {
    const jwt = new SignJWT({ sid: claims.sid, kind: claims.kind })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuer(issuer)
      .setIssuedAt();
    if (expiresAt !== null) jwt.setExpirationTime(Math.floor(expiresAt / 1000));
    return jwt.sign(this.#key);
  }

  /** The claims of a good token; why not, for a bad one. */
  async verify(
    token: string,
  ): Promise<
    { ok: true; claims: TokenClaims } | { ok: false; reason: string }
  > {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        issuer,
        algorithms: ["HS256"],
      });
      const { sub, sid, kind } = payload as Record<string, unknown>;
      if (
        typeof sub !== "string" ||
        typeof sid !== "string" ||
        (kind !== "person" && kind !== "device")
      ) {
        return { ok: false, reason: "the token is not a Muster session" };
      }
      return { ok: true, claims: { sub, sid, kind } };
    } catch (err) {
      if (err instanceof errors.JWTExpired) {
        return { ok: false, reason: "the session has expired: sign in again" };
      }
      return { ok: false, reason: "the token is not valid" };
    }
  }
}
