import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/ui/local-time";
import { pageTitle } from "@/i18n/page-title";
import { findConcert } from "@/lib/catalogue/get-concert";
import { NotFoundError } from "@/lib/errors";
import { getCheckedDraw, type CheckedDraw } from "@/lib/queue/draw";

export const generateMetadata = pageTitle("draw");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ entry?: string }> };

async function findDraw(concertId: string): Promise<CheckedDraw | null> {
  try {
    return await getCheckedDraw(concertId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const CODE = "block overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all";

/** The concert's on-sale draw, published: what was committed, what was revealed, and where an entry landed. */
export default async function DrawPage({ params, searchParams }: Props) {
  const [{ id }, { entry }] = await Promise.all([params, searchParams]);
  const concert = await findConcert(id);
  const checked = concert && (await findDraw(concert.id));
  if (!concert || !checked) notFound();
  const { draw, verification: verified } = checked;
  const t = await getTranslations("Draw");
  const number = entry && verified ? verified.numbers.get(entry) : undefined;
  const apiPath = `/api/v1/concerts/${concert.id}/queue/draw`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <p className="text-sm font-medium text-brand-600">{concert.title}</p>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("how")}</p>
      </header>

      {entry && (
        <section className="rounded-xl border border-brand-600 bg-white p-4" data-testid="draw-entry">
          <h2 className="font-semibold">{t("yourEntry")}</h2>
          <code className={CODE}>{entry}</code>
          <p className="mt-2 text-slate-700">
            {!verified ? t("entryPending") : number !== undefined ? t("entryNumber", { number, total: draw.entryIds!.length }) : t("entryMissing")}
          </p>
        </section>
      )}

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("commitment")}</h2>
        <p className="text-sm text-slate-600">{t.rich("committedAt", { time: () => <LocalTime iso={draw.committedAt} /> })}</p>
        <code className={CODE} data-testid="draw-commitment">{draw.commitment}</code>
        {draw.salesOpenAt && (
          <p className="text-sm text-slate-600">{t.rich("drawAt", { time: () => <LocalTime iso={draw.salesOpenAt!} /> })}</p>
        )}
      </section>

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("reveal")}</h2>
        {!verified ? (
          <p className="text-slate-700">{t("notYet")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t.rich("drawnAt", { time: () => <LocalTime iso={draw.drawnAt!} />, count: draw.entryIds!.length })}</p>
            <dl className="space-y-2 text-sm">
              <dt className="font-medium">{t("seed")}</dt>
              <dd><code className={CODE} data-testid="draw-seed">{draw.seed}</code></dd>
              <dt className="font-medium">{t("listHash")}</dt>
              <dd><code className={CODE}>{draw.listHash}</code></dd>
            </dl>
            <ul className="space-y-1 text-sm" data-testid="draw-checks">
              {verified.checks.map((check) => (
                <li key={check.id}>
                  <span aria-hidden="true">{check.ok ? "✓ " : "✗ "}</span>
                  <strong>{t(`checks.${check.id}`)}</strong>
                  {check.ok ? "" : ` — ${t("checkFailed")}`} <span className="break-all text-slate-600">({check.detail})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("checkYourself")}</h2>
        <p className="text-sm text-slate-700">{t("checkHow")}</p>
        <code className={CODE}>npm run draw:verify -- {`<this site>${apiPath}`}</code>
        <a href={apiPath} className="text-sm font-medium text-brand-600 hover:underline">
          {t("data")}
        </a>
      </section>
    </div>
  );
}
