import { useTranslation } from "react-i18next";

/**
 * A one-time password, shown once: the server keeps only its hash, so
 * this is the one chance to read it out or write it down.
 */
export function OneTimePassword({
  name,
  password,
  onDone,
}: {
  name: string;
  password: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();

  return (
    <div className="one-time" role="status" data-testid="one-time-password">
      <p>{t("admin.oneTimeFor", { name })}</p>
      <output className="one-time-text" data-testid="one-time-text">
        {password}
      </output>
      <p className="one-time-note">{t("admin.oneTimeNote")}</p>
      <button type="button" onClick={onDone}>
        {t("admin.oneTimeDone")}
      </button>
    </div>
  );
}
