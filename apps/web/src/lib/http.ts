import type { SpeakAs, WireError } from "@muster/protocol";
import { api } from "./identity.ts";

/** The server's answer: `{ ok: true, ... }` or a coded refusal. */
export type Answer<T> = ({ ok: true } & T) | { ok: false; error: WireError };

interface CallOptions {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Speak as this identity rather than the page's own. */
  as?: SpeakAs;
}

/**
 * Calls a JSON route of the page's server. Resolves with its answer,
 * refusals included; rejects only when no answer came back in words (the
 * network is down, or something in between answered instead), which the
 * caller can tell from a refusal.
 */
export async function callApi<T>(
  path: string,
  { method, body, signal, as }: CallOptions = {},
): Promise<Answer<T>> {
  const init: RequestInit = {
    method: method ?? (body === undefined ? "GET" : "POST"),
    // Fastify refuses an empty body declared as JSON, so a bodiless POST
    // declares nothing.
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  };
  const response = await api(path, init, as);
  const answer: unknown = await response.json().catch(() => null);
  if (!isAnswer(answer)) throw new Error(`${path}: HTTP ${response.status}`);
  return answer as Answer<T>;
}

function isAnswer(value: unknown): value is { ok: boolean } {
  return (
    typeof value === "object" &&
    value !== null &&
    "ok" in value &&
    typeof value.ok === "boolean"
  );
}

/** A refusal made of something thrown, for pages that show one. */
export function thrownError(err: unknown): WireError {
  const message = err instanceof Error ? err.message : String(err);
  return { code: "INTERNAL", path: "", message };
}
