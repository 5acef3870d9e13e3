import { SalesList } from "@/components/organizer/sales-list";
import { OrganizationSubpage } from "@/components/organizer/organization-subpage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organizerSales");

export default async function OrganizerSalesPage({ params }: { params: Promise<{ orgId: string; concertId: string }> }) {
  const { orgId, concertId } = await params;
  return (
    <OrganizationSubpage orgId={orgId} path={`/organizer/${orgId}/concerts/${concertId}/sales`}>
      <SalesList orgId={orgId} concertId={concertId} />
    </OrganizationSubpage>
  );
}
