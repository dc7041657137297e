import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "./format.ts";
import { usePlan } from "./PlanContext.tsx";

/** Plan objects by id, named in the current language. */
export interface Names {
  tier(id: string): string;
  group(id: string): string;
  unit(callsign: string): string;
  district(id: string): string;
  incidentType(id: string): string;
  /** A playbook step's title; step ids are unique within a playbook. */
  step(id: string, playbook?: string): string;
}

/** Names of plan objects; an unknown id shows as itself. */
export function useNames(): Names {
  const { plan } = usePlan();
  const { t } = useTranslation();
  const format = useFormat();

  return useMemo(() => {
    const index = <T extends { name: { zh: string; en: string } }>(
      items: T[],
      key: (item: T) => string,
    ) => new Map(items.map((item) => [key(item), item.name]));
    const tiers = index(plan.tiers, (x) => x.id);
    const groups = index(plan.groups, (x) => x.id);
    const units = index(plan.units, (x) => x.callsign);
    const districts = index(plan.districts, (x) => x.id);
    const playbooks = index(plan.playbooks, (x) => x.id);
    const steps = new Map(
      plan.playbooks.flatMap((p) =>
        (p.steps ?? []).map((s) => [`${p.id}/${s.id}`, s.title] as const),
      ),
    );
    const anyStep = new Map(
      plan.playbooks.flatMap((p) =>
        (p.steps ?? []).map((s) => [s.id, s.title] as const),
      ),
    );

    return {
      tier: (id) => format.name(tiers.get(id), id),
      group: (id) => format.name(groups.get(id), id),
      unit: (callsign) => format.name(units.get(callsign), callsign),
      district: (id) => format.name(districts.get(id), id),
      incidentType: (id) =>
        id === "other"
          ? t("incident.typeOther")
          : format.name(playbooks.get(id), id),
      step: (id, playbook) =>
        format.name(
          (playbook ? steps.get(`${playbook}/${id}`) : undefined) ??
            anyStep.get(id),
          id,
        ),
    };
  }, [plan, format, t]);
}
