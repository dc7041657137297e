import type { IdentityView, WireError } from "@muster/protocol";

/** What the page's identity check found. */
export type Session =
  | { status: "checking" }
  | { status: "signedIn"; identity: IdentityView; demo: boolean }
  /** The server answered 401: nobody signed in or enrolled for this page. */
  | { status: "signedOut"; error: WireError; demo: boolean }
  /** No answer in words: the network or the server is down. */
  | { status: "unreachable"; message: string };

/** Who a page is for. */
export type PageNeed =
  /** Sign-in and enrolment: for anyone, needing neither plan nor identity. */
  | "bare"
  /**
   * The front page and the tablet's start: anyone, with the plan only
   * for a signed-in caller (the server gives it to nobody else).
   */
  | "open"
  /** The command post's desks: a signed-in person. */
  | "person"
  /** The wall: an enrolled display, or a person. */
  | "wall"
  /** A unit's tablet: enrolled for that unit, or working from its copy. */
  | "unit";

/** What the page does about the session. */
export type Verdict =
  | "show"
  /** Not known yet: a short wait, or the server is out of reach. */
  | "wait"
  | "signIn"
  | "changePassword"
  | "notEnrolled";

const personPages = ["/console", "/drill", "/audit", "/admin"];

export function pageNeed(pathname: string): PageNeed {
  const path = pathname.replace(/\/+$/, "");
  if (path === "/login" || path === "/enrol") return "bare";
  if (personPages.includes(path)) return "person";
  if (path === "/wall") return "wall";
  if (/^\/unit\/[^/]+$/.test(path)) return "unit";
  return "open";
}

/** Whether a page of this need is shown in this session, or what instead. */
export function verdict(need: PageNeed, session: Session): Verdict {
  if (need === "bare") return "show";
  if (session.status === "signedIn") {
    // Every other action answers 403 until the person sets a password.
    if (session.identity.passwordChangeRequired) return "changePassword";
    const person = session.identity.kind === "person";
    return need === "person" && !person ? "signIn" : "show";
  }
  if (session.status === "checking") return "wait";
  if (need === "open") return "show";
  if (session.status === "unreachable") {
    // A tablet opened without the network works from its own copy; the
    // other screens wait for the server, as they wait for the plan.
    return need === "unit" ? "show" : "wait";
  }
  return need === "person" ? "signIn" : "notEnrolled";
}

/**
 * Where to go after signing in: a path on this site, never another
 * origin, so that a crafted link cannot send a person elsewhere with
 * their fresh session. The URL parser decides, as the browser would:
 * "//host", "/\host" and "/<tab>/host" all leave the site.
 */
export function safeNext(raw: string | null): string {
  if (!raw?.startsWith("/") || raw.startsWith("//")) return "/";
  const base = "http://muster.invalid";
  const url = new URL(raw, base);
  if (url.origin !== base || url.pathname === "/login") return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, coming back to `next` (a path with its query). */
export function loginHref(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}
