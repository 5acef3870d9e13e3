// DELETE /api/v1/me/tokens/{tokenId} – revoke a personal access token
import { revokeAccessToken } from "@/lib/auth/access-tokens";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { accessTokenParams } from "@/lib/schemas/access-tokens";

export const DELETE = route(
  {
    auth: "session",
    params: accessTokenParams,
    doc: { summary: "Revoke a personal access token", tag: "Account", responses: { 204: { description: "Revoked: it stops working at once", schema: null } }, errors: ["NOT_FOUND"] },
  },
  async ({ user, params }) => {
    await revokeAccessToken(user.id, params.tokenId);
    return noContent();
  },
);

export const { GET, HEAD, POST, PUT, PATCH } = otherMethods({ DELETE });
