import { describe, expect, test } from "vitest";
import i18next from "i18next";
import en from "../locales/en.json";
import zhCN from "../locales/zh-CN.json";
import { problemOf } from "./problem.ts";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: "zh-CN",
  interpolation: { escapeValue: false },
});
const t = i18n.t.bind(i18n);

describe("problemOf", () => {
  test("the headline is chosen by the code and where it was met", () => {
    const refused = {
      code: "UNAUTHENTICATED",
      path: "",
      message: "wrong name or password, or the account is disabled",
    };
    const shown = problemOf(t, refused, "signIn");
    expect(shown.headline).toBe("用户名或密码错误，或账号已停用");
    // The server's words stay, beneath.
    expect(shown.detail).toBe(refused.message);
    expect(
      problemOf(t, { ...refused, code: "RATE_LIMITED" }, "signIn"),
    ).toMatchObject({ headline: "尝试次数过多，请稍后再试" });
  });

  test("a code with no headline for the place falls back to the code's own", () => {
    const shown = problemOf(t, {
      code: "SEQ_CONFLICT",
      path: "",
      message: "changed",
    });
    expect(shown.headline).toBe(zhCN.errors.SEQ_CONFLICT);
  });

  test("the detail names the field", () => {
    const shown = problemOf(
      t,
      { code: "BAD_REQUEST", path: "code", message: "too short" },
      "enrol",
    );
    expect(shown.detail).toBe("code: too short");
  });

  test("an unknown code still has a headline", () => {
    expect(problemOf(t, { code: "WHATEVER", message: "" }).headline).toBe(
      zhCN.errors.INTERNAL,
    );
  });
});
