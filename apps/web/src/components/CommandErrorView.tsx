import { useTranslation } from "react-i18next";
import type { WireError } from "@muster/protocol";

/** A refused command: its code, in plain words, and the server's message. */
export function CommandErrorView({
  error,
  onDismiss,
}: {
  error: WireError | null;
  onDismiss?: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;

  return (
    <div
      className="command-error"
      role="alert"
      data-testid="command-error"
      data-code={error.code}
    >
      <strong>{error.code}</strong>
      <span>{t(`errors.${error.code}`, { defaultValue: "" })}</span>
      <span className="command-error-message">
        {error.path ? `${error.path}: ` : ""}
        {error.message}
      </span>
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label={t("app.dismiss")}>
          ✕
        </button>
      )}
    </div>
  );
}
