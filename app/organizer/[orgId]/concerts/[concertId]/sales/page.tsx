import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { SalesList } from "@/components/organizer/sales-list";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organizerSales");

export default async function OrganizerSalesPage({ params }: { params: Promise<{ orgId: string; concertId: string }> }) {
  const { orgId, concertId } = await params;
  await requireSignedIn(`/organizer/${orgId}/concerts/${concertId}/sales`);
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <Link href={`/organizer/${orgId}`} className="text-sm text-brand-600 underline hover:no-underline">
        ← {t("backToOrganization")}
      </Link>
      <SalesList orgId={orgId} concertId={concertId} />
    </div>
  );
}
