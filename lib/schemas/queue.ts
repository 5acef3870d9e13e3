import { z } from "zod";
import { idParam } from "./ids";

export const concertParams = z.object({ concertId: idParam("must be a concert id") });

export const queueView = z.object({
  status: z.enum(["PRE_QUEUE", "WAITING", "ACTIVE", "EXPIRED"]).describe("PRE_QUEUE: in the pre-queue, to be placed by the draw at `drawAt`"),
  number: z.number().int().positive().nullable().describe("Your number in line; null in the pre-queue"),
  position: z.number().int().nonnegative().nullable().describe("People to be admitted before you, you included; null in the pre-queue"),
  etaSeconds: z.number().int().nonnegative().nullable(),
  activeUntil: z.iso.datetime().nullable(),
  pollAfterMs: z.number().int().positive().nullable(),
  serving: z.number().int().nonnegative(),
  paused: z.boolean().describe("The organizer stopped admissions for now; everyone keeps their place and the estimate holds still"),
  entryId: z.string().nullable().describe("Your pre-queue entry id: find it in the published draw"),
  drawAt: z.iso.datetime().nullable().describe("When the pre-queue is drawn, while you are in it"),
  keepAliveMs: z.number().int().positive().nullable().describe("Ask GET /queue/status at least this often while waiting, or your place is skipped as abandoned (you can take it back with your token)"),
});

export const queueStatusView = queueView.extend({
  token: z.string().nullable().describe("A new queue token when the draw gave your pre-queue place its number: send this one from now on"),
});

export const enteredQueueView = queueView.extend({ token: z.string(), created: z.boolean() });

export const queueCountersView = z.object({
  concertId: z.uuid(),
  serving: z.number().int().nonnegative(),
  lastNumber: z.number().int().nonnegative(),
  admitRate: z.number().nonnegative(),
  paused: z.boolean(),
  drawn: z.boolean().describe("The pre-queue has been drawn (true also for a line without one)"),
});

export const QUEUE_CHALLENGE_HEADER = "x-entry-challenge";

export const entryChallengeView = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().int().positive().optional(),
  salt: z.string(),
  signature: z.string(),
});

export const publishedDrawView = z.object({
  concertId: z.uuid(),
  preQueueOpensAt: z.iso.datetime().nullable(),
  salesOpenAt: z.iso.datetime().nullable(),
  algorithm: z.string(),
  listHashAlgorithm: z.string(),
  commitment: z.string().describe("Hex SHA-256 of the seed, published before the pre-queue opened"),
  committedAt: z.iso.datetime(),
  drawnAt: z.iso.datetime().nullable(),
  seed: z.string().nullable().describe("Hex; revealed at the draw"),
  firstNumber: z.number().int().positive().nullable(),
  listHash: z.string().nullable(),
  entryIds: z.array(z.string()).nullable().describe("Entry ids in drawn order: the k-th has number firstNumber + k − 1"),
});
