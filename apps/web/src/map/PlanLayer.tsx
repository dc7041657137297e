import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { usePlan } from "../lib/PlanContext.tsx";
import { drawPlan } from "./drawPlan.ts";
import { useMapHandle } from "./MapView.tsx";

/** The plan's districts, seats and partner links, named in the language. */
export function PlanLayer() {
  const { map, toMap } = useMapHandle();
  const { plan } = usePlan();
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");

  useEffect(() => {
    const layer = drawPlan(plan, toMap, zh).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, toMap, plan, zh]);

  return null;
}
