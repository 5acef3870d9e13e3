import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { VenuePlan } from "@/components/organizer/venue-plan";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("venue");

export default async function VenuePage({ params }: { params: Promise<{ orgId: string; venueId: string }> }) {
  const { orgId, venueId } = await params;
  await requireSignedIn(`/organizer/${orgId}/venues/${venueId}`);
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <Link href={`/organizer/${orgId}`} className="text-sm text-brand-600 underline hover:no-underline">
        ← {t("backToOrganization")}
      </Link>
      <VenuePlan venueId={venueId} />
    </div>
  );
}
