import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { VenueEditor } from "@/components/organizer/venue-editor";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("venueEditor");

export default async function NewVenuePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await requireSignedIn(`/organizer/${orgId}/venues/new`);
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <Link href={`/organizer/${orgId}`} className="text-sm text-brand-600 underline hover:no-underline">
        ← {t("backToOrganization")}
      </Link>
      <VenueEditor orgId={orgId} />
    </div>
  );
}
