import type { AccessDirectory } from "@muster/auth";
import { readableSecret } from "@muster/auth";
import type { Role } from "@muster/protocol";
import type { Plan } from "@muster/plan";
import { HUMAN_UNIT } from "../demo.ts";

const demoAccounts: { name: string; role: Role; label: string }[] = [
  { name: "demo-commander", role: "commander", label: "commander" },
  { name: "demo-dispatcher", role: "dispatcher", label: "dispatcher" },
  {
    name: "demo-coordinator",
    role: "drillCoordinator",
    label: "drill coordinator",
  },
  { name: "demo-observer", role: "observer", label: "observer" },
  { name: "demo-admin", role: "admin", label: "administrator" },
];

/** How long the demo's enrolment links stay good. */
const DEMO_CODE_MS = 24 * 3600_000;

/**
 * The demo's people and devices: an account per role with a fresh
 * password at every start (no password is fixed anywhere), and one-use
 * enrolment links for the wall and the tablet of the unit the demo
 * leaves to a person. Returns the lines to print.
 */
export async function prepareDemoAccess(
  directory: AccessDirectory,
  plan: Plan,
  url: string,
): Promise<string[]> {
  const districts = [plan.homeDistrict];
  const lines = [
    "",
    "Demo mode — sign-in details for this run (passwords change at every start):",
  ];
  for (const account of demoAccounts) {
    const password = readableSecret(12).toLowerCase();
    const existing = directory.accountNamed(account.name);
    if (existing) {
      await directory.setPassword(existing.id, {
        text: password,
        oneTime: false,
      });
    } else {
      await directory.createAccount(
        {
          name: account.name,
          displayName: `Demo ${account.label}`,
          role: account.role,
          districts,
        },
        null,
        { text: password, oneTime: false },
      );
    }
    lines.push(
      `  ${account.label.padEnd(18)} ${account.name.padEnd(17)} ${password}`,
    );
  }
  const by = { id: "demo" };
  const wall = directory.createEnrolmentCode(
    { kind: "display", district: plan.homeDistrict },
    plan.homeDistrict,
    by,
    DEMO_CODE_MS,
  );
  const tablet = directory.createEnrolmentCode(
    { kind: "unit", unit: HUMAN_UNIT },
    plan.homeDistrict,
    by,
    DEMO_CODE_MS,
  );
  lines.push(
    "  Enrol this browser (each link works once, for 24 hours):",
    `  wall screen        ${url}/enrol?code=${wall.code}`,
    `  tablet of ${HUMAN_UNIT.padEnd(8)} ${url}/enrol?code=${tablet.code}`,
  );
  return lines;
}
