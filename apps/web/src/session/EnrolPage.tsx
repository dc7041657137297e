import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { authApi } from "../lib/authApi.ts";
import "../styles/session.css";

/**
 * Enrols this browser as a unit's tablet or a district's wall with the
 * one-time code the command post gave (typed, or from the QR code's
 * `?code=`), then opens the screen it was enrolled for.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState(
    () => new URLSearchParams(window.location.search).get("code") ?? "",
  );
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.enrol({
        code: code.trim().toUpperCase(),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      if (!answer.ok) {
        setError(answer.error.message);
        return;
      }
      const { device } = answer;
      window.location.assign(
        device.kind === "unit" && device.unit
          ? `/unit/${encodeURIComponent(device.unit)}`
          : "/wall",
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="session-page" data-testid="enrol-page">
      <AppHeader title={t("enrol.title")} />
      <main className="session-body">
        <form
          className="session-form"
          data-testid="enrol-form"
          onSubmit={(e) => void submit(e)}
        >
          <p>{t("enrol.hint")}</p>
          <label>
            {t("enrol.code")}
            <input
              className="enrol-code"
              required
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={16}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="enrol-code"
            />
          </label>
          <label>
            {t("enrol.label")}
            <input
              maxLength={80}
              placeholder={t("enrol.labelPlaceholder")}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              data-testid="enrol-label"
            />
          </label>
          {error && (
            <p className="form-error" role="alert" data-testid="enrol-error">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="big-button enrol-submit"
            disabled={busy}
            data-testid="enrol-submit"
          >
            {t("enrol.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}
