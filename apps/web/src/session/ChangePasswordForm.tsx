import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { authApi } from "../lib/authApi.ts";
import { FormEnd } from "./FormEnd.tsx";
import { PasswordField } from "./PasswordField.tsx";
import { useFormRequest } from "./useFormRequest.ts";

// NewPassword's rules (packages/protocol auth.ts), checked here too so
// that the person hears them in their language before the server refuses.
const MIN_LENGTH = 12;
const MIN_DISTINCT = 5;

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
  const { busy, error, setError, send } = useFormRequest("password");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next.length < MIN_LENGTH) {
      setError(t("session.passwordTooShort", { n: MIN_LENGTH }));
      return;
    }
    if (new Set(next).size < MIN_DISTINCT) {
      setError(t("session.passwordTooPlain", { n: MIN_DISTINCT }));
      return;
    }
    if (next !== repeat) {
      setError(t("session.passwordsDiffer"));
      return;
    }
    void send(async () => {
      const answer = await authApi.changePassword({ current, next });
      if (!answer.ok) return answer.error;
      onChanged();
      return null;
    });
  };

  return (
    <form
      className="session-form"
      data-testid="change-password-form"
      onSubmit={submit}
    >
      <h2 className="session-heading">{t("session.changePassword")}</h2>
      <p>
        {t("session.changePasswordHint", {
          n: MIN_LENGTH,
          distinct: MIN_DISTINCT,
        })}
      </p>
      <input type="text" autoComplete="username" value={name} readOnly hidden />
      {typed === null && (
        <PasswordField
          label={t("session.currentPassword")}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          testId="current-password"
        />
      )}
      <PasswordField
        label={t("session.newPassword")}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        testId="new-password"
      />
      <PasswordField
        label={t("session.repeatPassword")}
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        testId="repeat-password"
      />
      <FormEnd
        error={error}
        busy={busy}
        label={t("session.savePassword")}
        errorTestId="password-error"
        submitTestId="change-password-submit"
      />
    </form>
  );
}
