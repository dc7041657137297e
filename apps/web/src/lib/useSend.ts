import { useCallback, useState } from "react";
import type { CommandInput } from "@muster/client";
import type { CommandResult, WireError } from "@muster/protocol";
import { getClient } from "../lib/client.ts";

/**
 * Sends through the client outbox and keeps the last refusal, so the page
 * can show the code and message the server gave.
 */
export function useSend(): {
  send: (input: CommandInput) => Promise<CommandResult | null>;
  error: WireError | null;
  clearError: () => void;
} {
  const [error, setError] = useState<WireError | null>(null);

  const send = useCallback(async (input: CommandInput) => {
    setError(null);
    try {
      const result = await getClient().send(input);
      if (!result.ok) setError(result.error);
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError({ code: "INTERNAL", path: "", message });
      return null;
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { send, error, clearError };
}
