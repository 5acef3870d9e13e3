"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { ShownOnce } from "@/components/ui/shown-once";
import { BUTTON, CARD, PRIMARY } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryView, type WebhookEventType, type WebhookView } from "@/lib/schemas/webhooks";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRedeliver,
  useRotateWebhookSecret,
  useSendTestWebhook,
  useUpdateWebhook,
  useWebhookDeliveries,
  useWebhooks,
} from "./account-api";

// Message keys cannot hold dots.
const EVENT_KEY = {
  "hold.created": "event.hold_created",
  "hold.changed": "event.hold_changed",
  "hold.released": "event.hold_released",
  "hold.expired": "event.hold_expired",
  "payment.completed": "event.payment_completed",
  "wallet.charged": "event.wallet_charged",
  "queue.admitted": "event.queue_admitted",
} as const satisfies Record<WebhookEventType, string>;

/** The account's webhook endpoints: add one, then test it, rotate its secret, follow its deliveries. */
export function Webhooks() {
  const t = useTranslations("Webhooks");
  const problemText = useProblemText();
  const webhooks = useWebhooks();
  const create = useCreateWebhook();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fresh, setFresh] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setFresh(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      url: String(data.get("url")),
      description: String(data.get("description")),
      eventTypes: data.getAll("eventTypes").map(String) as WebhookEventType[],
    };
    create.mutate(body, {
      onSuccess: (made) => (setFresh(made.secret), form.reset()),
      onError: (e) => setErrors({ form: problemText.message(e), ...problemText.fields(e) }),
    });
  }

  const items = webhooks.data?.items ?? [];
  return (
    <section aria-labelledby="webhooks-heading" className={CARD}>
      <div>
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <form onSubmit={submit} className="space-y-3" aria-label={t("addLabel")}>
        {errors.form && !errors.url && !errors.eventTypes && <FormAlert>{errors.form}</FormAlert>}
        <TextField label={t("url")} name="url" type="url" inputMode="url" placeholder="https://example.com/stagepass" error={errors.url} />
        <TextField label={t("description")} name="description" error={errors.description} />
        <fieldset className="space-y-1" aria-describedby={errors.eventTypes ? "event-types-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t("eventTypes")}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="eventTypes" value={type} className="mt-1" />
              <span>
                <code>{type}</code> <span className="text-slate-600">{t(EVENT_KEY[type])}</span>
              </span>
            </label>
          ))}
          {errors.eventTypes && (
            <p id="event-types-error" className="text-sm text-red-600">
              {errors.eventTypes}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={create.isPending} className={PRIMARY}>
          {t("add")}
        </button>
      </form>
      {fresh && <ShownOnce key={fresh} notice={t("secretNow")} value={fresh} testId="webhook-secret" copy={t("copy")} copied={t("copied")} />}
      {webhooks.isError && <FormAlert>{problemText.message(webhooks.error)}</FormAlert>}
      <ul className="space-y-3" aria-label={t("listLabel")}>
        {items.map((endpoint) => (
          <Endpoint key={endpoint.id} endpoint={endpoint} />
        ))}
        {webhooks.isSuccess && items.length === 0 && <li className="text-sm text-slate-600">{t("none")}</li>}
      </ul>
    </section>
  );
}

function Endpoint({ endpoint }: { endpoint: WebhookView }) {
  const t = useTranslations("Webhooks");
  const problemText = useProblemText();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const test = useSendTestWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const failure = [update, remove, rotate, test].find((m) => m.isError)?.error;
  const logId = `webhook-log-${endpoint.id}`;

  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm" data-testid="webhook-endpoint">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-all font-medium">{endpoint.url}</p>
          {endpoint.description && <p className="text-slate-600">{endpoint.description}</p>}
          <p className="text-xs text-slate-600">{endpoint.eventTypes.join(" · ")}</p>
        </div>
        <span
          data-testid="webhook-state"
          className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${endpoint.enabled ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"}`}
        >
          {endpoint.enabled ? t("on") : t("off")}
        </span>
      </div>
      {endpoint.disabledReason && <p className="text-amber-900">{t("switchedOff", { reason: endpoint.disabledReason })}</p>}
      {endpoint.enabled && endpoint.failingSince && <p className="text-amber-900">{t.rich("failingSince", { time: () => <LocalTime iso={endpoint.failingSince!} /> })}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON} disabled={test.isPending} onClick={() => test.mutate(endpoint.id, { onSuccess: () => setShowLog(true) })}>
          {t("sendTest")}
        </button>
        <button type="button" className={BUTTON} aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog(!showLog)}>
          {showLog ? t("hideLog") : t("showLog")}
        </button>
        <button type="button" className={BUTTON} disabled={update.isPending} onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
          {endpoint.enabled ? t("switchOff") : t("switchOn")}
        </button>
        <ConfirmStep
          trigger={t("rotate")}
          prompt={t("rotatePrompt")}
          groupLabel={t("rotateLabel", { url: endpoint.url })}
          confirm={t("rotateNow")}
          keep={t("keep")}
          tone="primary"
          pending={rotate.isPending}
          onConfirm={(close) => rotate.mutate(endpoint.id, { onSuccess: (made) => setSecret(made.secret), onSettled: close })}
        />
        <ConfirmStep
          trigger={t("delete")}
          prompt={t("deletePrompt")}
          groupLabel={t("deleteLabel", { url: endpoint.url })}
          confirm={t("deleteNow")}
          keep={t("keep")}
          pending={remove.isPending}
          onConfirm={(close) => remove.mutate(endpoint.id, { onSettled: close })}
        />
      </div>
      {secret && <ShownOnce key={secret} notice={t("rotatedNow")} value={secret} testId="webhook-secret" copy={t("copy")} copied={t("copied")} />}
      {failure && <FormAlert>{problemText.message(failure)}</FormAlert>}
      {showLog && <DeliveryLog id={logId} webhookId={endpoint.id} />}
    </li>
  );
}

function DeliveryLog({ id, webhookId }: { id: string; webhookId: string }) {
  const t = useTranslations("Webhooks");
  const problemText = useProblemText();
  const deliveries = useWebhookDeliveries(webhookId);
  const redeliver = useRedeliver();
  const items = deliveries.data?.items ?? [];
  return (
    <div id={id} className="space-y-2">
      <h3 className="font-medium">{t("log")}</h3>
      {deliveries.isError && <FormAlert>{problemText.message(deliveries.error)}</FormAlert>}
      {redeliver.isError && <FormAlert>{problemText.message(redeliver.error)}</FormAlert>}
      {deliveries.isSuccess && items.length === 0 && <p className="text-slate-600">{t("noDeliveries")}</p>}
      <ul className="divide-y divide-slate-100" aria-label={t("log")}>
        {items.map((delivery) => (
          <li key={delivery.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="webhook-delivery">
            <div className="min-w-0 space-y-0.5">
              <p>
                <code>{delivery.type}</code> · <DeliveryStatus delivery={delivery} />
              </p>
              <ol className="text-xs text-slate-600">
                {delivery.attempts.map((attempt) => (
                  <li key={attempt.attemptedAt}>
                    <LocalTime iso={attempt.attemptedAt} /> —{" "}
                    {attempt.statusCode !== null ? t("answered", { code: attempt.statusCode, ms: attempt.durationMs }) : t("noAnswer", { error: attempt.error ?? "" })}
                  </li>
                ))}
              </ol>
              {delivery.nextAttemptAt && delivery.attempts.length > 0 && (
                <p className="text-xs text-slate-600">{t.rich("nextTry", { time: () => <LocalTime iso={delivery.nextAttemptAt!} /> })}</p>
              )}
            </div>
            <button
              type="button"
              className={BUTTON}
              disabled={redeliver.isPending}
              aria-label={t("redeliverLabel", { type: delivery.type })}
              onClick={() => redeliver.mutate({ webhookId, deliveryId: delivery.id })}
            >
              {t("redeliver")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DeliveryStatus({ delivery }: { delivery: WebhookDeliveryView }) {
  const t = useTranslations("Webhooks");
  const tone = { SUCCEEDED: "text-emerald-800", FAILED: "text-red-700", PENDING: "text-amber-800" }[delivery.status];
  return <span className={`font-medium ${tone}`}>{t(`status.${delivery.status}`)}</span>;
}
