import type { FastifyReply } from "fastify";
import { errorCatalogue, toMusterError } from "@muster/protocol";

/**
 * Answers an HTTP request with a coded error: the status from the error
 * catalogue, the body `{ ok: false, error }` as on the socket. Anything
 * that is not a MusterError goes out as INTERNAL.
 */
export function refuse(reply: FastifyReply, err: unknown): FastifyReply {
  const error = toMusterError(err);
  return reply
    .status(errorCatalogue[error.code].status)
    .send({ ok: false, error: error.toWire() });
}
