import { Suspense } from "react";
import { useTranslations } from "next-intl";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("signIn");

export default function SignInPage() {
  const t = useTranslations("Titles");
  return (
    <AuthCard title={t("signIn")}>
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthCard>
  );
}
