import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityView } from "@muster/protocol";
import { authApi } from "../lib/authApi.ts";

/** Name and password; hands on the identity and the password used. */
export function SignInForm({
  onSignedIn,
}: {
  onSignedIn: (identity: IdentityView, password: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.signIn({ name: name.trim(), password });
      if (answer.ok) onSignedIn(answer.identity, password);
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
      data-testid="sign-in-form"
      onSubmit={(e) => void submit(e)}
    >
      <label>
        {t("session.name")}
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="sign-in-name"
        />
      </label>
      <label>
        {t("session.password")}
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="sign-in-password"
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="big-button"
        disabled={busy}
        data-testid="sign-in-submit"
      >
        {t("session.signIn")}
      </button>
    </form>
  );
}
