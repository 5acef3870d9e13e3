"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { instantOfWallTime, wallTimeOfInstant } from "@/lib/date-time";
import { SUGGESTED_CHALLENGE_DIFFICULTY } from "@/lib/queue/on-sale";
import type { OrganizerConcertView, UpdateConcertRequest } from "@/lib/schemas/organizer-concerts";
import { formatRamp, parseRamp } from "./admission-ramp";

type Settings = OrganizerConcertView["settings"];

const wallTime = (iso: string | null, timeZone: string) => (iso ? wallTimeOfInstant(iso, timeZone) : "");

/** The on-sale part of a concert's settings: when the pre-queue and the sale open, the bot challenge, who may join, the ramp. */
export function OnSaleFields({ settings: s, timeZone, errors }: { settings: Settings; timeZone: string; errors: Record<string, string> }) {
  const t = useTranslations("OrganizerConcerts");
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{t("onSale")}</legend>
      <p className="text-sm text-slate-600">{t("onSaleIntro", { timeZone })}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField label={t("preQueueOpensAt")} name="preQueueOpensAt" type="datetime-local" defaultValue={wallTime(s.preQueueOpensAt, timeZone)} error={errors["settings.preQueueOpensAt"]} hint={t("preQueueOpensAtHint")} />
        <TextField label={t("queueOpensAt")} name="salesOpenAt" type="datetime-local" defaultValue={wallTime(s.salesOpenAt, timeZone)} error={errors["settings.salesOpenAt"]} hint={t("queueOpensAtHint")} />
        <TextField label={t("challengeDifficulty")} name="challengeDifficulty" type="number" min={0} max={10_000_000} defaultValue={s.challengeDifficulty || ""} error={errors["settings.challengeDifficulty"]} hint={t("challengeDifficultyHint", { suggested: SUGGESTED_CHALLENGE_DIFFICULTY })} />
        <TextField label={t("minAccountAgeDays")} name="minAccountAgeDays" type="number" min={0} max={3650} defaultValue={s.minAccountAgeDays || ""} error={errors["settings.minAccountAgeDays"]} hint={t("minAccountAgeDaysHint")} />
        <TextField label={t("abandonAfterMinutes")} name="abandonAfterMinutes" type="number" min={5} max={1440} defaultValue={s.abandonAfterMinutes ?? ""} error={errors["settings.abandonAfterMinutes"]} hint={t("abandonAfterMinutesHint")} />
        <TextField label={t("admissionSchedule")} name="admissionSchedule" defaultValue={formatRamp(s.admissionSchedule)} error={errors["settings.admissionSchedule"]} hint={t("admissionScheduleHint")} />
      </div>
    </fieldset>
  );
}

type OnSaleInput = Pick<NonNullable<UpdateConcertRequest["settings"]>, "preQueueOpensAt" | "salesOpenAt" | "challengeDifficulty" | "minAccountAgeDays" | "abandonAfterMinutes" | "admissionSchedule">;

/** What the fields say, or the field errors found before asking the server. */
export function readOnSaleFields(data: FormData, current: Settings, timeZone: string, messages: { rampFormat: string; timeFormat: string }): { settings: OnSaleInput } | { errors: Record<string, string> } {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const errors: Record<string, string> = {};
  // A time is sent only when its field changed: the field shows whole minutes, and an
  // opened pre-queue's times may not move, so sending them back could refuse the whole save.
  const instant = (name: "preQueueOpensAt" | "salesOpenAt") => {
    if (text(name) === wallTime(current[name], timeZone)) return undefined;
    if (!text(name)) return null;
    const at = instantOfWallTime(text(name), timeZone);
    if (!at) errors[`settings.${name}`] = messages.timeFormat;
    return at?.toISOString() ?? null;
  };
  const ramp = parseRamp(text("admissionSchedule"));
  if (!ramp) errors["settings.admissionSchedule"] = messages.rampFormat;
  const settings = {
    preQueueOpensAt: instant("preQueueOpensAt"),
    salesOpenAt: instant("salesOpenAt"),
    challengeDifficulty: Number(text("challengeDifficulty") || 0),
    minAccountAgeDays: Number(text("minAccountAgeDays") || 0),
    // Empty: a quiet place is never taken for abandoned.
    abandonAfterMinutes: text("abandonAfterMinutes") ? Number(text("abandonAfterMinutes")) : null,
    admissionSchedule: ramp ?? [],
  };
  return Object.keys(errors).length ? { errors } : { settings };
}
