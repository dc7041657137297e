import type { SpeakAs } from "@muster/protocol";

/**
 * Which of the browser's identities a page speaks as. One browser may
 * hold a person's session, a wall's enrolment and a tablet's at once, and
 * the server picks the cookie by what the page says here: a tablet page
 * speaks as its unit, the wall as the display (the server falls back to
 * the person), every other page as the person.
 */
export function speakAs(pathname: string): SpeakAs {
  const path = pathname.replace(/\/+$/, "");
  const unit = /^\/unit\/([^/]+)$/.exec(path);
  if (unit?.[1]) return `unit:${decodeURIComponent(unit[1])}`;
  if (path === "/wall") return "display";
  return "person";
}

/** What this page speaks as. */
export function pageSpeaksAs(): SpeakAs {
  return speakAs(window.location.pathname);
}

/**
 * `fetch` for the page's own API: every request says who it speaks as,
 * the page's identity unless `as` names another (signing out is always
 * the person's, even on the wall). The tokens themselves are httpOnly
 * cookies the page never sees.
 */
export function api(
  path: string,
  init: RequestInit = {},
  as: SpeakAs = pageSpeaksAs(),
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("x-muster-as", as);
  return fetch(path, { ...init, headers });
}
