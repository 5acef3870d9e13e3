// Class names shared by the console's forms and panels, so they look alike everywhere.

/** A secondary button. */
export const BUTTON = "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
/** The main action of a form or panel. */
export const PRIMARY = "rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
/** A panel of the page. */
export const CARD = "space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
