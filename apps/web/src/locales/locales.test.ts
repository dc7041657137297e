import { describe, expect, test } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

/** Every key's dotted path, leaves only. */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe("locales", () => {
  test("Chinese and English have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  test("every error code has a headline in both", () => {
    for (const locale of [en, zhCN]) {
      for (const code of [
        "UNAUTHENTICATED",
        "NOT_AUTHORISED",
        "RATE_LIMITED",
        "BAD_REQUEST",
        "NOT_FOUND",
        "COMMAND_REJECTED",
        "INTERNAL",
      ]) {
        expect(locale.errors).toHaveProperty(code);
      }
    }
  });
});
