// Any origin will do: only whether a value stays on it matters.
const HERE = "http://stagepass.invalid";

/**
 * The same-origin path to go to after sign-in, or "/". A value is resolved the way a browser
 * would (it reads `/\evil`, `/\t/evil` and `//evil` as other hosts), so nothing that
 * leaves the site gets through.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value?.startsWith("/")) return "/";
  try {
    const url = new URL(value, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
