import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { authApi } from "../lib/authApi.ts";
import { FormEnd } from "./FormEnd.tsx";
import { useFormRequest } from "./useFormRequest.ts";
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
  const { busy, error, send } = useFormRequest("enrol");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(async () => {
      const answer = await authApi.enrol({
        code: code.trim().toUpperCase(),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      if (!answer.ok) return answer.error;
      const { device } = answer;
      window.location.assign(
        device.kind === "unit" && device.unit
          ? `/unit/${encodeURIComponent(device.unit)}`
          : "/wall",
      );
      return null;
    });
  };

  return (
    <div className="session-page" data-testid="enrol-page">
      <AppHeader title={t("enrol.title")} />
      <main className="session-body">
        <form
          className="session-form"
          data-testid="enrol-form"
          onSubmit={submit}
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
          <FormEnd
            error={error}
            busy={busy}
            label={t("enrol.submit")}
            className="big-button enrol-submit"
            errorTestId="enrol-error"
            submitTestId="enrol-submit"
          />
        </form>
      </main>
    </div>
  );
}
