import { useState } from "react";

/**
 * One request at a time from a sign-in, password or enrolment form, and
 * the message of its refusal. Not useAction: these forms show the
 * message alone, in large type, to someone who may not be signed in yet.
 */
export function useFormRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** `work` resolves with the refusal's message, or null when accepted. */
  const send = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      const refusal = await work();
      if (refusal !== null) setError(refusal);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, send };
}
