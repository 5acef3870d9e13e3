import { Marked } from "marked";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Code blocks scroll sideways on a phone, so each one can take focus and scroll by keyboard.
const marked = new Marked({
  renderer: {
    code: ({ text, lang }) =>
      `<pre tabindex="0"${lang ? ` data-lang="${escapeHtml(lang)}"` : ""}><code>${escapeHtml(text)}</code></pre>\n`,
  },
});

/** Our own documentation text (never user input), rendered to HTML on the server. */
export function Markdown({ text }: { text: string }) {
  return <div className="docs-prose" dangerouslySetInnerHTML={{ __html: marked.parse(text, { async: false }) }} />;
}
