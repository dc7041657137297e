import type { Role } from "@muster/protocol";
import type { ServerProcess } from "./serverProcess.ts";

/** A person with an account on a test server, signed in. */
export interface Person {
  name: string;
  password: string;
  token: string;
}

/** An answer of the server's JSON API, whatever the route. */
export interface ApiAnswer {
  status: number;
  body: {
    ok: boolean;
    error?: { code: string; path: string; message: string };
    [key: string]: unknown;
  };
}

/** Calls the server's JSON API as a script would: a bearer token, JSON. */
export async function api(
  url: string,
  method: string,
  path: string,
  options: { token?: string | undefined; body?: unknown } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url + path, {
    method,
    headers,
    ...(options.body !== undefined
      ? { body: JSON.stringify(options.body) }
      : {}),
  });
  const text = await response.text();
  let body: ApiAnswer["body"];
  try {
    body = JSON.parse(text) as ApiAnswer["body"];
  } catch {
    body = { ok: response.ok, text };
  }
  return { status: response.status, body };
}

function expectOk(answer: ApiAnswer, what: string): ApiAnswer["body"] {
  if (!answer.body.ok) {
    throw new Error(
      `${what} failed: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return answer.body;
}

/** The one-time password a first start printed for the administrator. */
export function adminPasswordOf(output: string): string {
  const match = /one-time password\s+(\S+)/.exec(output);
  if (!match?.[1]) throw new Error(`no administrator password in:\n${output}`);
  return match[1];
}

/**
 * The people and devices of a test server, made the way a person makes
 * them: the administrator signs in with the password the first start
 * printed and chooses a new one; each account is created by the
 * administrator and signs in and sets its own password; each device is
 * enrolled with a code a commander created.
 */
export class People {
  readonly url: string;
  readonly admin: Person;
  #commander: Person | null = null;
  #count = 0;

  private constructor(url: string, admin: Person) {
    this.url = url;
    this.admin = admin;
  }

  static async open(
    server: Pick<ServerProcess, "url" | "output">,
  ): Promise<People> {
    const once = adminPasswordOf(server.output());
    const admin = await signInFirstTime(server.url, "admin", once);
    return new People(server.url, admin);
  }

  /** A new account of this role, signed in with a password of its own. */
  async person(
    role: Role,
    options: { districts?: string[]; unit?: string; name?: string } = {},
  ): Promise<Person> {
    const name = options.name ?? `${role.toLowerCase()}-${++this.#count}`;
    const created = expectOk(
      await api(this.url, "POST", "/api/accounts", {
        token: this.admin.token,
        body: {
          name,
          displayName: `Test ${role} ${this.#count}`,
          role,
          districts: options.districts ?? ["wanghai"],
          ...(options.unit ? { unit: options.unit } : {}),
        },
      }),
      `creating ${name}`,
    );
    return signInFirstTime(this.url, name, created.oneTimePassword as string);
  }

  /** The server's commander for tests that only need someone in charge. */
  async commander(): Promise<Person> {
    this.#commander ??= await this.person("commander", { name: "commander" });
    return this.#commander;
  }

  /** The device token of a tablet enrolled for one unit. */
  async tablet(unit: string): Promise<string> {
    return this.#enrol({ kind: "unit", unit });
  }

  /** The device token of a wall display of a district. */
  async display(district = "wanghai"): Promise<string> {
    return this.#enrol({ kind: "display", district });
  }

  /** A fresh enrolment code, as a commander creates one. */
  async enrolmentCode(
    input:
      { kind: "unit"; unit: string } | { kind: "display"; district: string },
  ): Promise<string> {
    const commander = await this.commander();
    const body = expectOk(
      await api(this.url, "POST", "/api/enrolment-codes", {
        token: commander.token,
        body: input,
      }),
      "creating an enrolment code",
    );
    return body.code as string;
  }

  async #enrol(
    input:
      { kind: "unit"; unit: string } | { kind: "display"; district: string },
  ): Promise<string> {
    const code = await this.enrolmentCode(input);
    const body = expectOk(
      await api(this.url, "POST", "/api/devices/enrol", { body: { code } }),
      "enrolling a device",
    );
    return body.token as string;
  }
}

/** Signs in with a one-time password and sets a password of one's own. */
async function signInFirstTime(
  url: string,
  name: string,
  oneTime: string,
): Promise<Person> {
  const first = expectOk(
    await api(url, "POST", "/api/session", {
      body: { name, password: oneTime },
    }),
    `signing in as ${name}`,
  );
  const password = `${name}-chosen-password`;
  expectOk(
    await api(url, "POST", "/api/session/password", {
      token: first.token as string,
      body: { current: oneTime, next: password },
    }),
    `setting ${name}'s password`,
  );
  return { name, password, token: first.token as string };
}
