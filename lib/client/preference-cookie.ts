const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Remembers a display preference (language, theme) for a year, for the server to render with. */
export function setPreferenceCookie(name: string, value: string) {
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax${secure}`;
}
