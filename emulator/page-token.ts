/**
 * Opaque page tokens: base64url JSON `{offset, filters hash, nonce}` authenticated with an
 * HMAC under a key private to one emulator instance. A token that was altered, was issued by
 * another instance, or was issued for other request parameters is refused.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

interface TokenPayload {
  /** Index of the first item of the page the token points at. */
  o: number;
  /** Hash of the region and filters the token was issued for. */
  f: string;
  /** Distinguishes otherwise equal tokens (used by the `endless-token` fault). */
  n?: number;
}

/** Issues and checks page tokens for one emulator instance. @internal */
export class PageTokens {
  private readonly key = randomBytes(32);

  /** A token for the page starting at `offset` of the listing described by `scope`. */
  issue(offset: number, scope: unknown, nonce?: number): string {
    const payload: TokenPayload = { o: offset, f: scopeHash(scope) };
    if (nonce !== undefined) payload.n = nonce;
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  /**
   * The offset `token` points at, or an error message when the token is malformed, foreign
   * (`"foreign"`: issued by another instance or altered) or issued for another `scope`.
   */
  read(token: string, scope: unknown): { offset: number } | { error: string } {
    const dot = token.indexOf(".");
    if (dot <= 0) return { error: "the token is malformed" };
    const body = token.slice(0, dot);
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(token.slice(dot + 1));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { error: "the token was not issued by this service or was altered" };
    }
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenPayload;
    if (payload.f !== scopeHash(scope)) {
      return {
        error: "the token was issued for different request parameters; send the same ones on every page",
      };
    }
    return { offset: payload.o };
  }

  private mac(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url").slice(0, 22);
  }
}

function scopeHash(scope: unknown): string {
  return createHash("sha256").update(JSON.stringify(scope)).digest("base64url").slice(0, 16);
}
