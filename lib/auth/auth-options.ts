import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { clientIp, enforceRateLimit } from "../rate-limit/enforce-rate-limit";
import { verifyCredentials } from "../users/verify-credentials";

let options: NextAuthOptions | undefined;

/** next-auth configuration: email + password, signed JWT sessions (no session table). */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    callbacks: {
      // Pages need the user id; the JWT already carries it as `sub`.
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub! } }),
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) => {
          if (!credentials?.email || !credentials.password) return null;
          const headers = new Headers(request?.headers as Record<string, string> | undefined);
          // Guessing is limited per address, and per account from each address (so nobody
          // elsewhere can lock an account out); the form says so.
          const ip = clientIp(headers);
          await enforceRateLimit("signIn", { userKey: `${credentials.email.trim().toLowerCase()} ${ip}`, ip });
          return verifyCredentials(credentials.email, credentials.password);
        },
      }),
    ],
  };
  return options;
}
