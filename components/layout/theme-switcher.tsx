"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setPreferenceCookie } from "@/lib/client/preference-cookie";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

/** Auto (the device's setting), light or dark; kept in a cookie so the server paints it at once. */
export function ThemeSwitcher({ initial }: { initial: Theme }) {
  const t = useTranslations("Header");
  const [theme, setTheme] = useState(initial);
  return (
    <label className="flex items-center gap-1 text-xs text-slate-700">
      <span className="sr-only">{t("theme")}</span>
      <select
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          setPreferenceCookie(THEME_COOKIE, next);
          if (next === "system") delete document.documentElement.dataset.theme;
          else document.documentElement.dataset.theme = next;
        }}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1"
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(`themes.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
