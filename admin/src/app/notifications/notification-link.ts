/** Where a notification or alert about an entity leads in the console. */
export function entityLink(
  entityType: string | null | undefined,
  entityId: string | null | undefined,
): string[] {
  if (entityId && entityType === 'Guest') return ['/guests', entityId];
  if (entityId && entityType === 'WorkOrder') return ['/work-orders', entityId];
  if (entityType === 'SyncRun') return ['/settings', 'mews'];
  return ['/alerts'];
}

/** What the link says. */
export function entityLabel(entityType: string | null | undefined): string {
  const labels: Record<string, string> = {
    Guest: 'Open guest',
    WorkOrder: 'Open work order',
    SyncRun: 'Open Mews settings',
  };
  return (entityType && labels[entityType]) || 'Open alerts';
}
