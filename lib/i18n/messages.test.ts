import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

type Tree = { [key: string]: string | Tree };

/** Every message as "Namespace.key" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// The names a message takes: {arguments} (with their ICU type) and <tags>, so a translation
// that drops or misspells one is caught. Plural and select branches are looked through.
function namesIn(message: string): string[] {
  const names = new Set<string>();
  for (const [, name] of message.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)) names.add(`{${name}}`);
  for (const [, tag] of message.matchAll(/<(\w+)>/g)) names.add(`<${tag}>`);
  return [...names].sort();
}

const english = flatten(en);
const korean = flatten(ko);

describe("message files", () => {
  it("Korean has every English message, and nothing English lacks", () => {
    expect([...english.keys()].filter((key) => !korean.has(key)), "missing in ko.json").toEqual([]);
    expect([...korean.keys()].filter((key) => !english.has(key)), "only in ko.json").toEqual([]);
  });

  it("every translation takes the same arguments and tags as the English", () => {
    const mismatched = [...english].filter(([key, text]) => korean.has(key) && namesIn(text).join() !== namesIn(korean.get(key)!).join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("no message is empty", () => {
    expect([...english, ...korean].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });
});
