import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { ConcertDashboard } from "@/components/organizer/concert-dashboard";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organizerDashboard");

export default async function OrganizerDashboardPage({ params }: { params: Promise<{ orgId: string; concertId: string }> }) {
  const { orgId, concertId } = await params;
  await requireSignedIn(`/organizer/${orgId}/concerts/${concertId}/dashboard`);
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <Link href={`/organizer/${orgId}`} className="text-sm text-brand-600 underline hover:no-underline">
        ← {t("backToOrganization")}
      </Link>
      <ConcertDashboard orgId={orgId} concertId={concertId} />
    </div>
  );
}
