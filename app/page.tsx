import { getTranslations } from "next-intl/server";
import { listConcerts } from "@/lib/catalogue/list-concerts";
import { ConcertCard } from "@/components/concerts/concert-card";

// The catalogue is read per request: it changes with the database, not with deploys.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { items } = await listConcerts({ limit: 50 });
  const t = await getTranslations("Home");
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </section>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">{t("none")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("listLabel")}>
          {items.map((concert) => (
            <li key={concert.id}>
              <ConcertCard concert={concert} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
