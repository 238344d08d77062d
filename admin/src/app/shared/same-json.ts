/** Equal by value, for signals and streams of small plain objects (filters, drafts). */
export function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
