import { useCallback, useEffect, useState } from "react";
import type { WireError } from "@muster/protocol";
import { thrownError, type Answer } from "./http.ts";
import { useSession } from "./session.tsx";

type Accepted<T> = { ok: true } & T;

interface Loaded<T> {
  answer: Accepted<T> | null;
  error: WireError | null;
  loading: boolean;
}

/**
 * Reads a route now and again on `reload()`, keeping the server's answer
 * or its refusal. `load` must keep its identity (useCallback). A 401
 * means the sign-in ended meanwhile: the session is asked again, and
 * the page's gate then sends the person to sign in.
 */
export function useAnswer<T>(
  load: () => Promise<Answer<T>>,
): Loaded<T> & { reload: () => void } {
  const { refresh } = useSession();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<Loaded<T>>({
    answer: null,
    error: null,
    loading: true,
  });

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (answer) => {
        if (!live) return;
        if (answer.ok) {
          setState({ answer, error: null, loading: false });
          return;
        }
        setState({ answer: null, error: answer.error, loading: false });
        if (answer.error.code === "UNAUTHENTICATED") void refresh();
      },
      (err: unknown) => {
        if (live)
          setState({ answer: null, error: thrownError(err), loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [load, round, refresh]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/**
 * Runs one change at a time (create, reset, revoke, …) and keeps the
 * last refusal to show; resolves with the accepted answer, or null.
 */
export function useAction(): {
  run: <T>(work: () => Promise<Answer<T>>) => Promise<Accepted<T> | null>;
  busy: boolean;
  error: WireError | null;
  clearError: () => void;
} {
  const { refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);

  const run = useCallback(
    async <T>(work: () => Promise<Answer<T>>) => {
      setBusy(true);
      setError(null);
      try {
        const answer = await work();
        if (answer.ok) return answer;
        setError(answer.error);
        if (answer.error.code === "UNAUTHENTICATED") void refresh();
        return null;
      } catch (err) {
        setError(thrownError(err));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [refresh],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
