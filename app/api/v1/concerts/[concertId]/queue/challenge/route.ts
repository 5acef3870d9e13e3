// GET /api/v1/concerts/{concertId}/queue/challenge – a proof-of-work challenge to enter the line
import { NotFoundError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { createEntryChallenge } from "@/lib/queue/entry-challenge";
import { getSaleSettingsOrThrow } from "@/lib/queue/settings";
import { concertParams, entryChallengeView, QUEUE_CHALLENGE_HEADER } from "@/lib/schemas/queue";

export const GET = route(
  {
    auth: "user",
    scope: "booking",
    params: concertParams,
    rateLimit: "queueEntry",
    doc: {
      summary: "A challenge to solve before entering the line",
      description:
        "For concerts that ask entrants for a proof of work (ALTCHA's scheme): find the integer n in [0, maxnumber] with hex SHA-256(salt + n) = challenge, " +
        `then send {algorithm, challenge, number: n, salt, signature} as base64 JSON in \`${QUEUE_CHALLENGE_HEADER}\` when entering. ` +
        "It is for your account and this concert only, expires in 5 minutes and works once. 404 when the concert asks for none.",
      tag: "Waiting room",
      responses: { 200: { description: "The challenge", schema: entryChallengeView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params }) => {
    const sale = await getSaleSettingsOrThrow(params.concertId);
    if (sale.challengeDifficulty === 0) throw new NotFoundError("Challenge");
    return json(await createEntryChallenge(params.concertId, user.id, sale.challengeDifficulty, new Date()), 200, { "cache-control": "no-store" });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
