import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { authApi } from "../lib/authApi.ts";

// NewPassword's minimum (packages/protocol auth.ts), checked here too so
// that the person hears it in their language before the server refuses.
const MIN_LENGTH = 12;

/**
 * Sets the person's own password: required after a one-time password,
 * whose text `current` carries over when the person just typed it.
 */
export function ChangePasswordForm({
  name,
  current: typed,
  onChanged,
}: {
  /** The sign-in name, for the browser's password manager. */
  name: string;
  current: string | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(typed ?? "");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next.length < MIN_LENGTH) {
      setError(t("session.passwordTooShort", { n: MIN_LENGTH }));
      return;
    }
    if (next !== repeat) {
      setError(t("session.passwordsDiffer"));
      return;
    }

    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.changePassword({ current, next });
      if (answer.ok) onChanged();
      else setError(answer.error.message);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="session-form"
      data-testid="change-password-form"
      onSubmit={(e) => void submit(e)}
    >
      <h2 className="session-heading">{t("session.changePassword")}</h2>
      <p>{t("session.changePasswordHint", { n: MIN_LENGTH })}</p>
      <input type="text" autoComplete="username" value={name} readOnly hidden />
      {typed === null && (
        <label>
          {t("session.currentPassword")}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            data-testid="current-password"
          />
        </label>
      )}
      <label>
        {t("session.newPassword")}
        <input
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          data-testid="new-password"
        />
      </label>
      <label>
        {t("session.repeatPassword")}
        <input
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          data-testid="repeat-password"
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="password-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="big-button"
        disabled={busy}
        data-testid="change-password-submit"
      >
        {t("session.savePassword")}
      </button>
    </form>
  );
}
