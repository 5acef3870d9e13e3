import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { clientIp } from "../client-ip";
import { enforceRateLimit, RateLimitedError } from "../rate-limit/enforce-rate-limit";
import { verifyCredentials } from "../users/verify-credentials";
import { decodeSessionJwt } from "./session-jwt";
import { endSession, isSessionLive, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

/**
 * What a failed sign-in reports. next-auth puts a thrown error's message into the redirect
 * URL (`?error=`), so only these fixed codes go there. The sign-in form knows them:
 * next-auth's own `CredentialsSignin` for a wrong email or password, a message starting
 * "Too many" for limits and backoff, anything else is a generic failure.
 */
export const SIGN_IN_ERRORS = { throttled: "Too many attempts", unavailable: "SignInUnavailable" } as const;

let options: NextAuthOptions | undefined;

/**
 * next-auth configuration: email + password, signed JWT cookies that each name a
 * server-side session (lib/auth/sessions.ts), so signing out ends the session for good.
 */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { decode: decodeSessionJwt },
    pages: { signIn: "/signin" },
    callbacks: {
      // The session started by authorize rides in the JWT (`sid`, `sexp`).
      jwt: ({ token, user }) => (user?.session ? { ...token, ...user.session } : token),
      // Pages need the user id (the JWT's `sub`). A session ended server-side has no user:
      // getServerSession then reads it as signed out.
      session: async ({ session, token }) =>
        token.sid && token.sub && (await isSessionLive({ sid: token.sid, sub: token.sub, sexp: token.sexp }))
          ? { ...session, user: { ...session.user, id: token.sub } }
          : { expires: session.expires },
    },
    events: {
      signOut: async ({ token }) => {
        if (token?.sid) await endSession(token.sid);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) => {
          if (!credentials?.email || !credentials.password) return null;
          try {
            const headers = new Headers(request?.headers as Record<string, string> | undefined);
            // Guessing is limited per address, and per account from each address (so nobody
            // elsewhere can lock an account out), then per account by backoff; the form says so.
            const ip = clientIp(headers, env().TRUSTED_PROXY);
            await enforceRateLimit("signIn", { userKey: `${credentials.email.trim().toLowerCase()} ${ip}`, ip });
            const account = await verifyCredentials(credentials.email, credentials.password);
            return account && { ...account, session: await startSession(account.id) };
          } catch (error) {
            throw new Error(signInErrorCode(error));
          }
        },
      }),
    ],
  };
  return options;
}

function signInErrorCode(error: unknown): string {
  if (error instanceof RateLimitedError) return SIGN_IN_ERRORS.throttled;
  // Database and other faults are logged here (the password never reaches them), not shown.
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  console.error(JSON.stringify({ level: "error", job: "sign-in", name, message }));
  return SIGN_IN_ERRORS.unavailable;
}
