import { createContext, useContext, useEffect, useState } from "react";
import type { ReactNode } from "react";
import type { Plan } from "@muster/plan";
import { useTranslation } from "react-i18next";
import { api } from "./identity.ts";

/** What GET /api/config says about this deployment. */
export interface ServerConfig {
  tileUrl: string | null;
  tileDatum: "wgs84" | "gcj02";
  demo: boolean;
}

interface Loaded {
  plan: Plan;
  config: ServerConfig;
}

const PlanContext = createContext<Loaded | null>(null);

async function getJson<T>(path: string): Promise<T> {
  const response = await api(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The plan and server config loaded; throws outside a PlanProvider. */
export function usePlan(): Loaded {
  const loaded = useContext(PlanContext);
  if (!loaded) throw new Error("usePlan outside PlanProvider");
  return loaded;
}

/** The plan and config when loaded; null on pages that do without. */
export function useOptionalPlan(): Loaded | null {
  return useContext(PlanContext);
}

/**
 * Loads the plan and the config, retrying every few seconds: a wall
 * switched on before the server must come up by itself, with no mouse.
 */
export function PlanProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const [plan, config] = await Promise.all([
          getJson<Plan>("/api/plan"),
          getJson<ServerConfig>("/api/config"),
        ]);
        if (!stopped) setLoaded({ plan, config });
      } catch (err) {
        if (stopped) return;
        setError(err instanceof Error ? err.message : String(err));
        timer = setTimeout(() => void load(), 5_000);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (!loaded) {
    return (
      <div className="loading" data-testid="loading">
        <p>{t("app.loading")}</p>
        {error && <p className="loading-error">{error}</p>}
      </div>
    );
  }
  return <PlanContext.Provider value={loaded}>{children}</PlanContext.Provider>;
}
