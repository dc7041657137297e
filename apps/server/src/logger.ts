import pino from "pino";

/** The server's pino logger: JSON lines on stdout, level from MUSTER_LOG. */
export function createLogger(level = process.env.MUSTER_LOG ?? "info") {
  return pino({
    level,
    base: { service: "muster" },
    // Sign-in secrets never reach a log, whatever logs a request.
    redact: [
      "req.headers.authorization",
      "req.headers.cookie",
      "*.token",
      "*.password",
      "*.oneTimePassword",
    ],
  });
}
