import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { OrganizationConsole } from "@/components/organizer/organization-console";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organization");

export default async function OrganizationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireSignedIn(`/organizer/${orgId}`);
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <Link href="/organizer" className="text-sm text-brand-600 underline hover:no-underline">
        ← {t("allOrganizations")}
      </Link>
      <OrganizationConsole orgId={orgId} userId={user.id} />
    </div>
  );
}
