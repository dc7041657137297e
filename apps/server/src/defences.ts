import type { FastifyInstance } from "fastify";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { Server, Socket } from "socket.io";
import type { Logger } from "@muster/engine";
import { MusterError } from "@muster/protocol";

/** Requests per minute one client address may make over HTTP. */
const HTTP_REQUESTS_PER_MINUTE = 600;

/** Socket messages a second per socket, unless configured otherwise. */
export const DEFAULT_SOCKET_RATE = 20;

export interface DefenceOptions {
  /** Origins besides the server's own that browsers may connect from. */
  allowedOrigins: string[];
  /** Messages a second one socket may send; bursts of three seconds' worth. */
  socketRate?: number;
  /** Tile server URL template: its origin may serve map images. */
  tileUrl: string | null;
}

/**
 * Security headers with a content-security policy, and a per-address
 * request limit. The policy allows only the server's own scripts; map
 * tiles from the configured tile server; inline style attributes, which
 * Leaflet sets on every marker.
 */
export async function registerHttpDefences(
  app: FastifyInstance,
  options: DefenceOptions,
): Promise<void> {
  const tiles = options.tileUrl ? [originOf(options.tileUrl)] : [];
  void app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...tiles],
        connectSrc: ["'self'", "ws:", "wss:"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        // The console runs on closed networks over plain HTTP as well.
        upgradeInsecureRequests: null,
      },
    },
    // Cross-origin isolation would refuse tiles from a tile server.
    crossOriginEmbedderPolicy: false,
  });
  // Only configured origins may call the API from a browser, with their
  // cookies; the server's own pages need no CORS at all.
  const origins = options.allowedOrigins.map(originOf);
  void app.register(cors, {
    origin: origins.length ? origins : false,
    credentials: true,
  });
  // Awaited: the limiter hooks only routes declared after it has loaded.
  await app.register(rateLimit, {
    max: HTTP_REQUESTS_PER_MINUTE,
    timeWindow: "1 minute",
    // Thrown by the limiter and answered by the app's error handler, in
    // the same shape as every other refusal.
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(
        new MusterError(
          "RATE_LIMITED",
          `too many requests: at most ${ctx.max} a minute; try again in ${Math.ceil(ctx.ttl / 1000)} s`,
        ),
        { statusCode: 429 },
      ),
  });
}

/**
 * Refuses browser sockets from foreign origins (WebSockets are not bound
 * by CORS, so the check is the server's), and returns a limiter that
 * each socket message must pass.
 */
export function guardSockets(
  io: Server,
  options: DefenceOptions,
  log: Logger,
): (socket: Socket) => boolean {
  const allowed = new Set(options.allowedOrigins.map(originOf));
  io.engine.opts.allowRequest = (req, callback) => {
    const origin = req.headers.origin;
    // Tablets and walls load the page from this server: same origin.
    // Non-browser clients (tests, tools) send no Origin header.
    if (!origin || allowed.has(origin) || sameHost(origin, req.headers.host)) {
      callback(null, true);
      return;
    }
    log.warn({ origin }, "socket from a foreign origin refused");
    callback("origin not allowed", false);
  };

  const rate = options.socketRate ?? DEFAULT_SOCKET_RATE;
  const burst = rate * 3;
  const buckets = new WeakMap<Socket, { tokens: number; at: number }>();
  return (socket) => {
    const now = Date.now();
    const bucket = buckets.get(socket) ?? { tokens: burst, at: now };
    const refill = ((now - bucket.at) / 1000) * rate;
    bucket.tokens = Math.min(burst, bucket.tokens + refill);
    bucket.at = now;
    buckets.set(socket, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}

function originOf(url: string): string {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, "0")).origin;
  } catch {
    return url;
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
