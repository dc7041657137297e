import { useTranslation } from "react-i18next";

/** No dispatch: a calm screen that says so. */
export function StandingBy() {
  const { t } = useTranslation();

  return (
    <section className="standing-by" data-testid="unit-standing-by">
      <p className="standing-by-title">{t("unit.standingBy")}</p>
      <p className="muted">{t("unit.standingByHint")}</p>
    </section>
  );
}
