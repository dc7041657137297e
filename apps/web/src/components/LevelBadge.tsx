import { useTranslation } from "react-i18next";
import type { Level } from "@muster/protocol";
import { usePlan } from "../lib/PlanContext.tsx";
import { levelColour, levelNumerals, textOn } from "../lib/levels.ts";

/** A level as colour and numeral together, never colour alone. */
export function LevelBadge({
  level,
  large,
}: {
  level: Level;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const colour = levelColour(plan, level);
  const label = level === "watch" ? t("level.watch") : levelNumerals[level];

  return (
    <span
      className={`level-badge${large ? " level-badge-large" : ""}`}
      style={{ background: colour, color: textOn(colour) }}
      data-level={level}
      title={t(`level.name.${level}`)}
    >
      {label}
    </span>
  );
}
