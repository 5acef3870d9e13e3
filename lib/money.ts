// Money is integer KRW everywhere; it becomes text only here, for display.
const krw = new Intl.NumberFormat("ko-KR", { style: "currency", currency: "KRW" });

export function formatKrw(amount: number): string {
  return krw.format(amount);
}
