import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { startSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";

// The App Router handler reads next/headers, which needs a Next request scope. next-auth's
// other entry (req, res objects) runs the same sign-in, sign-out and session code without it.
const SESSION_COOKIE = "next-auth.session-token";

async function nextAuth(action: "csrf" | "callback" | "signout" | "session", options: { method?: string; body?: Record<string, string>; cookies?: Record<string, string> } = {}) {
  const headers = new Map<string, unknown>();
  let body: unknown;
  const res = {
    status: () => res,
    setHeader: (name: string, value: unknown) => (headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => undefined,
    json: (value: unknown) => void (body = value),
    send: (value: unknown) => void (body = value),
  };
  const req = {
    query: { nextauth: action === "callback" ? [action, "credentials"] : [action] },
    method: options.method ?? "GET",
    body: options.body,
    cookies: options.cookies ?? {},
    headers: { host: "localhost", "x-forwarded-proto": "http" },
  };
  await NextAuth(req as never, res as never, authOptions());
  const cookies = ((headers.get("set-cookie") as string[] | undefined) ?? []).map((line) => {
    const [name, ...value] = line.split(";")[0]!.split("=");
    return { name: name!, value: decodeURIComponent(value.join("=")) };
  });
  return { body, cookies, redirect: headers.get("location") as string | undefined };
}

async function csrf() {
  const response = await nextAuth("csrf");
  const cookie = response.cookies.find((c) => c.name === "next-auth.csrf-token")!;
  return { csrfToken: (response.body as { csrfToken: string }).csrfToken, cookies: { [cookie.name]: cookie.value } };
}

/** Signs in through next-auth. `sessionToken` is the new session cookie's value; `error` what the redirect reports. */
export async function signInWithPassword(email: string, password: string) {
  const { csrfToken, cookies } = await csrf();
  const response = await nextAuth("callback", { method: "POST", body: { csrfToken, email, password }, cookies });
  const sessionToken = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value || null;
  return { sessionToken, redirect: response.redirect ?? "", error: new URL(response.redirect ?? "http://localhost").searchParams.get("error") };
}

/** Signs out through next-auth, as the sign-out button does. */
export async function signOut(sessionToken: string) {
  const { csrfToken, cookies } = await csrf();
  await nextAuth("signout", { method: "POST", body: { csrfToken }, cookies: { ...cookies, [SESSION_COOKIE]: sessionToken } });
}

/** The session pages see (what getServerSession returns), or null when signed out. */
export async function pageSession(sessionToken: string) {
  const { body } = await nextAuth("session", { cookies: { [SESSION_COOKIE]: sessionToken } });
  const user = (body as { user?: { id: string } } | undefined)?.user;
  return user ? { user } : null;
}

/** Headers for calling an API route as the browser session of `sessionToken`, from our own origin. */
export const sessionHeaders = (sessionToken: string) => ({ cookie: `${SESSION_COOKIE}=${sessionToken}`, origin: "http://localhost" });

/** A live session for the user without going through the sign-in form (no password needed). */
export async function sessionFor(user: { id: string; email: string; name: string }) {
  const session = await startSession(user.id);
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name, ...session }, secret: env().AUTH_SECRET });
  return { sessionId: session.sid, headers: sessionHeaders(token) };
}
