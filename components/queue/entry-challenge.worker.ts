// Solves an entry challenge off the main thread: finds n in [0, max] with
// hex SHA-256(salt + n) = challenge, reporting progress as it goes.
export interface SolveRequest {
  challenge: string;
  salt: string;
  max: number;
}

export type SolveMessage = { progress: number } | { number: number } | { failed: true };

const BATCH = 1_000;
const encoder = new TextEncoder();
const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

async function solve({ challenge, salt, max }: SolveRequest): Promise<SolveMessage> {
  for (let start = 0; start <= max; start += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, max - start + 1) }, (_, i) => start + i);
    const hashes = await Promise.all(numbers.map((n) => crypto.subtle.digest("SHA-256", encoder.encode(salt + n))));
    const found = hashes.findIndex((hash) => hex(hash) === challenge);
    if (found !== -1) return { number: numbers[found]! };
    if (start % (BATCH * 10) === 0) postMessage({ progress: start / max } satisfies SolveMessage);
  }
  return { failed: true };
}

addEventListener("message", (event: MessageEvent<SolveRequest>) => {
  void solve(event.data).then((result) => postMessage(result));
});
