import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityView } from "@muster/protocol";
import { authApi } from "../lib/authApi.ts";
import { FormEnd } from "./FormEnd.tsx";
import { PasswordField } from "./PasswordField.tsx";
import { useFormRequest } from "./useFormRequest.ts";

/** Name and password; hands on the identity and the password used. */
export function SignInForm({
  onSignedIn,
}: {
  onSignedIn: (identity: IdentityView, password: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, send } = useFormRequest("signIn");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(async () => {
      const answer = await authApi.signIn({ name: name.trim(), password });
      if (!answer.ok) return answer.error;
      onSignedIn(answer.identity, password);
      return null;
    });
  };

  return (
    <form className="session-form" data-testid="sign-in-form" onSubmit={submit}>
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
      <PasswordField
        label={t("session.password")}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        testId="sign-in-password"
      />
      <FormEnd
        error={error}
        busy={busy}
        label={t("session.signIn")}
        errorTestId="sign-in-error"
        submitTestId="sign-in-submit"
      />
    </form>
  );
}
