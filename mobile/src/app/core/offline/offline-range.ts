/** Days kept on the device: today and the next two. */
export const OFFLINE_DAYS = 3;

/** Local midnight today to local midnight OFFLINE_DAYS later, as ISO instants. */
export function offlineRange(now = new Date()): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + OFFLINE_DAYS);
  return { from: start.toISOString(), to: end.toISOString() };
}
