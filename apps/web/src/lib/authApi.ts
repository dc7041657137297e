import type {
  AccountView,
  AuditEntry,
  DeviceView,
  ChangePassword,
  CreateAccount,
  CreateEnrolmentCode,
  Enrol,
  IdentityView,
  SignIn,
} from "@muster/protocol";
import { callApi } from "./http.ts";

export type { AccountView, DeviceView };

/** A fresh enrolment code; `link` is `<origin>/enrol?code=<code>`. */
export interface EnrolmentCode {
  code: string;
  expiresAt: string;
  link: string;
}

const id = (value: string) => encodeURIComponent(value);

/** The server's routes for sign-in, accounts, devices and the audit trail. */
export const authApi = {
  me: (signal?: AbortSignal) =>
    callApi<{ identity: IdentityView; demo: boolean }>("/api/me", { signal }),
  signIn: (body: SignIn) =>
    callApi<{ identity: IdentityView }>("/api/session", { body }),
  signOut: () => callApi("/api/session", { method: "DELETE", as: "person" }),
  changePassword: (body: ChangePassword) =>
    callApi("/api/session/password", { body }),

  accounts: () => callApi<{ accounts: AccountView[] }>("/api/accounts"),
  createAccount: (body: CreateAccount) =>
    callApi<{ account: AccountView; oneTimePassword: string }>(
      "/api/accounts",
      { body },
    ),
  resetPassword: (account: string) =>
    callApi<{ oneTimePassword: string }>(
      `/api/accounts/${id(account)}/reset-password`,
      { method: "POST" },
    ),
  disableAccount: (account: string) =>
    callApi(`/api/accounts/${id(account)}/disable`, { method: "POST" }),
  enableAccount: (account: string) =>
    callApi(`/api/accounts/${id(account)}/enable`, { method: "POST" }),

  createEnrolmentCode: (body: CreateEnrolmentCode) =>
    callApi<EnrolmentCode>("/api/enrolment-codes", { body }),
  devices: () => callApi<{ devices: DeviceView[] }>("/api/devices"),
  revokeDevice: (device: string) =>
    callApi(`/api/devices/${id(device)}/revoke`, { method: "POST" }),
  enrol: (body: Enrol) =>
    callApi<{
      device: Pick<DeviceView, "kind" | "unit" | "district" | "label">;
    }>("/api/devices/enrol", { body }),

  audit: (query: URLSearchParams) =>
    callApi<{ entries: AuditEntry[] }>(`/api/audit?${query.toString()}`),
};
