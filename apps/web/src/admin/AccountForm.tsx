import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Role, type CreateAccount } from "@muster/protocol";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { authApi, type AccountView } from "../lib/authApi.ts";
import { useNames } from "../lib/names.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { useAction } from "../lib/useAnswer.ts";
import { UnitSelect } from "./UnitSelect.tsx";

/** A new account: name, role, districts and, for a unit leader, the unit. */
export function AccountForm({
  onCreated,
}: {
  onCreated: (account: AccountView, oneTimePassword: string) => void;
}) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const names = useNames();
  const { run, busy, error, clearError } = useAction();
  const [name, setName] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("dispatcher");
  const [districts, setDistricts] = useState([plan.homeDistrict]);
  const [unit, setUnit] = useState(plan.units[0]?.callsign ?? "");

  const toggle = (id: string, on: boolean) =>
    setDistricts((ds) => (on ? [...ds, id] : ds.filter((d) => d !== id)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: CreateAccount = {
      name: name.trim(),
      displayName: displayName.trim(),
      role,
      // In plan order, whatever order they were ticked in.
      districts: plan.districts
        .map((d) => d.id)
        .filter((id) => districts.includes(id)),
      ...(role === "unitLeader" ? { unit } : {}),
    };
    const answer = await run(() => authApi.createAccount(body));
    if (!answer) return;
    onCreated(answer.account, answer.oneTimePassword);
    setName("");
    setDisplayName("");
  };

  return (
    <form
      className="admin-form"
      data-testid="account-form"
      onSubmit={(e) => void submit(e)}
    >
      <h3>{t("admin.newAccount")}</h3>
      <label>
        {t("admin.name")}
        <input
          required
          pattern="[a-z][a-z0-9._\-]{1,31}"
          title={t("admin.nameRule")}
          autoCapitalize="none"
          spellCheck={false}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="account-name"
        />
      </label>
      <label>
        {t("admin.displayName")}
        <input
          required
          maxLength={80}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          data-testid="account-display-name"
        />
      </label>
      <label>
        {t("admin.role")}
        <select
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          data-testid="account-role"
        >
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === "unitLeader" && (
        <UnitSelect value={unit} onChange={setUnit} testId="account-unit" />
      )}
      <fieldset className="admin-districts">
        <legend>{t("admin.districts")}</legend>
        {plan.districts.map((d) => (
          <label key={d.id}>
            <input
              type="checkbox"
              checked={districts.includes(d.id)}
              onChange={(e) => toggle(d.id, e.target.checked)}
              data-testid={`account-district-${d.id}`}
            />
            {names.district(d.id)}
          </label>
        ))}
      </fieldset>
      <CommandErrorView
        error={error}
        context="createAccount"
        onDismiss={clearError}
      />
      <button
        type="submit"
        className="primary"
        disabled={busy || districts.length === 0}
        data-testid="account-create"
      >
        {t("admin.create")}
      </button>
    </form>
  );
}
