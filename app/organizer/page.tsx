import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { Organizations } from "@/components/organizer/organizations";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organizer");

export default async function OrganizerPage() {
  await requireSignedIn("/organizer");
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{(await getTranslations("Titles"))("organizer")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
      </div>
      <Organizations />
    </div>
  );
}
