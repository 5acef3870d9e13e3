import { useTranslations } from "next-intl";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("signUp");

export default function SignUpPage() {
  const t = useTranslations("Titles");
  return (
    <AuthCard title={t("signUp")}>
      <SignUpForm />
    </AuthCard>
  );
}
