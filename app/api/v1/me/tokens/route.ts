// POST /api/v1/me/tokens – create a personal access token (its secret is shown once)
// GET  /api/v1/me/tokens – your live tokens
import { createAccessToken, listAccessTokens, MAX_LIVE_TOKENS } from "@/lib/auth/access-tokens";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageOf, pageQuery } from "@/lib/pagination";
import { created, json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { accessTokenView, createAccessTokenBody, createdAccessTokenView } from "@/lib/schemas/access-tokens";

export const POST = route(
  {
    auth: "session",
    body: createAccessTokenBody,
    doc: {
      summary: "Create a personal access token",
      description: `Scopes default to everything a fan does (read, booking, payments); "organizer" (the organizer console) must be asked for; ["read"] makes a read-only token. Every token expires (default 30 days, at most 365). At most ${MAX_LIVE_TOKENS} live tokens per account.`,
      tag: "Account",
      responses: { 201: { description: "The token; its secret is shown only here", schema: createdAccessTokenView } },
      errors: ["ACCESS_TOKEN_LIMIT_REACHED"],
    },
  },
  async ({ user, body }) => created(await createAccessToken(user.id, body)),
);

export const GET = route(
  { auth: "session", query: pageQuery, doc: { summary: "Your live (unrevoked, unexpired) tokens", tag: "Account", responses: { 200: { description: "A page of tokens", schema: pageOf(accessTokenView) } } } },
  async ({ user, query }) =>
  json(await listAccessTokens(user.id, query), 200, { "cache-control": "no-store" }),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
