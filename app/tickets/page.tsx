import { getTranslations } from "next-intl/server";
import { TicketList } from "@/components/tickets/ticket-list";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("tickets");

export default async function TicketsPage() {
  await requireSignedIn("/tickets");
  const t = await getTranslations("Titles");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("tickets")}</h1>
      <TicketList />
    </div>
  );
}
