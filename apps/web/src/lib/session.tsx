import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import { authApi } from "./authApi.ts";
import { api } from "./identity.ts";
import type { Session } from "./pageAccess.ts";

interface SessionValue {
  session: Session;
  /** A demonstration deployment: every screen must say so. */
  demo: boolean;
  /** Asks the server again, after signing in or a 401 from another call. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

// As long as the tablet's worker waits for the plan before it falls back
// to its kept copy: a tablet on a dead network must not wait longer.
const CHECK_TIMEOUT_MS = 4_000;
const RETRY_MS = 5_000;

/** Who this page speaks as; throws outside a SessionProvider. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/**
 * Asks the server who this page speaks as (GET /api/me), and again every
 * few seconds while it is out of reach, so that a screen switched on
 * before the server comes up by itself.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "checking" });

  const refresh = useCallback(async () => {
    setSession(await checkSession());
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (session.status !== "unreachable") return;
    const timer = setTimeout(() => void refresh(), RETRY_MS);
    return () => clearTimeout(timer);
  }, [session, refresh]);

  const value = useMemo(
    () => ({
      session,
      demo:
        (session.status === "signedIn" || session.status === "signedOut") &&
        session.demo,
      refresh,
    }),
    [session, refresh],
  );
  return (
    <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
  );
}

async function checkSession(): Promise<Session> {
  try {
    const answer = await authApi.me(AbortSignal.timeout(CHECK_TIMEOUT_MS));
    if (answer.ok) {
      const { identity, demo } = answer;
      return { status: "signedIn", identity, demo };
    }
    if (answer.error.code === "UNAUTHENTICATED") {
      return { status: "signedOut", error: answer.error, demo: await isDemo() };
    }
    return { status: "unreachable", message: answer.error.message };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: "unreachable", message };
  }
}

/**
 * A 401 carries no demo flag, yet the sign-in and enrolment pages must
 * show it too: /api/config has said it since before there were sign-ins.
 */
async function isDemo(): Promise<boolean> {
  try {
    const response = await api("/api/config");
    const config = (await response.json()) as { demo?: unknown };
    return config.demo === true;
  } catch {
    return false;
  }
}
