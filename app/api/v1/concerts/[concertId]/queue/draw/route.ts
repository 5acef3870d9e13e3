// GET /api/v1/concerts/{concertId}/queue/draw – the on-sale draw, published for anyone to check
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getPublishedDraw } from "@/lib/queue/draw";
import { concertParams, publishedDrawView } from "@/lib/schemas/queue";

export const GET = route(
  {
    auth: "none",
    params: concertParams,
    doc: {
      summary: "The line's on-sale draw",
      description:
        "Commit-reveal: from the start, `commitment` (hex SHA-256 of a secret 32-byte seed). At the open the pre-queue closes and the seed, the list hash " +
        "and the entry ids in drawn order are published: entries are sorted by hex HMAC-SHA256(seed, entryId). `npm run draw:verify -- <this URL>` " +
        "recomputes every position. 404 for a concert without a pre-queue.",
      tag: "Waiting room",
      responses: { 200: { description: "The draw", schema: publishedDrawView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ params }) => {
    const draw = await getPublishedDraw(params.concertId);
    // A made draw never changes; before it, the commitment alone.
    const cache = draw.drawnAt ? "public, max-age=3600, immutable" : "public, max-age=5";
    return json(draw, 200, { "cache-control": cache });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
