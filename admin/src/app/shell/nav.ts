/** The console's sections and who sees them. Sections that later issues fill say so plainly. */
export interface NavItem {
  path: string;
  label: string;
  roles: readonly string[];
}

const OFFICE = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
const EVERYONE = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;

export const NAV: readonly NavItem[] = [
  { path: 'dashboard', label: 'Dashboard', roles: EVERYONE },
  { path: 'arrivals', label: 'Arrivals', roles: EVERYONE },
  { path: 'guests', label: 'Guests', roles: EVERYONE },
  { path: 'work-orders', label: 'Work orders', roles: EVERYONE },
  { path: 'dispatch', label: 'Dispatch', roles: OFFICE },
  { path: 'live-map', label: 'Live map', roles: EVERYONE },
  { path: 'tasks', label: 'Tasks', roles: OFFICE },
  { path: 'technicians', label: 'Technicians', roles: OFFICE },
  { path: 'vendors', label: 'Vendors', roles: OFFICE },
  { path: 'messages', label: 'Messages', roles: OFFICE },
  { path: 'alerts', label: 'Alerts', roles: OFFICE },
  { path: 'invoices', label: 'Invoices', roles: ['ADMIN', 'MANAGER', 'ANALYST'] },
  { path: 'analytics', label: 'Analytics', roles: ['ADMIN', 'MANAGER', 'ANALYST'] },
  { path: 'explorer', label: 'GraphQL explorer', roles: ['ADMIN', 'ANALYST'] },
  { path: 'settings', label: 'Settings', roles: ['ADMIN', 'MANAGER'] },
];
