import { z } from "zod";
import { idParam } from "./ids";

export const concertParams = z.object({ concertId: idParam("must be a concert id") });

export const queueStatusView = z.object({
  status: z.enum(["WAITING", "ACTIVE", "EXPIRED"]),
  number: z.number().int().positive(),
  position: z.number().int().nonnegative(),
  etaSeconds: z.number().int().nonnegative().nullable(),
  activeUntil: z.iso.datetime().nullable(),
  pollAfterMs: z.number().int().positive().nullable(),
  serving: z.number().int().nonnegative(),
});

export const enteredQueueView = queueStatusView.extend({ token: z.string(), created: z.boolean() });

export const queueCountersView = z.object({
  concertId: z.uuid(),
  serving: z.number().int().nonnegative(),
  lastNumber: z.number().int().nonnegative(),
  admitRate: z.number().nonnegative(),
});
