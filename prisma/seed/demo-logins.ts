import type { Role } from '@attendant/db';

/** The password of every demo login (the demo database only; never use it anywhere else). */
export const DEMO_PASSWORD = 'attendant-demo';

export interface DemoLogin {
  email: string;
  roles: Role[];
  organization: 'hotel' | 'field';
  note: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  {
    email: 'admin@aurora.demo',
    roles: ['ADMIN'],
    organization: 'hotel',
    note: 'Hotel Aurora Prague: administrator',
  },
  {
    email: 'manager@aurora.demo',
    roles: ['MANAGER'],
    organization: 'hotel',
    note: 'Hotel Aurora Prague: duty manager',
  },
  {
    email: 'analyst@aurora.demo',
    roles: ['ANALYST'],
    organization: 'hotel',
    note: 'Hotel Aurora Prague: revenue analyst',
  },
  {
    email: 'tech@aurora.demo',
    roles: ['TECHNICIAN'],
    organization: 'hotel',
    note: 'Hotel Aurora Prague: maintenance technician',
  },
  {
    email: 'admin@northwind.demo',
    roles: ['ADMIN'],
    organization: 'field',
    note: 'Northwind Home Services: administrator',
  },
  {
    email: 'dispatcher@northwind.demo',
    roles: ['DISPATCHER'],
    organization: 'field',
    note: 'Northwind Home Services: dispatcher',
  },
  {
    email: 'tech@northwind.demo',
    roles: ['TECHNICIAN'],
    organization: 'field',
    note: 'Northwind Home Services: field technician',
  },
  {
    email: 'analyst@northwind.demo',
    roles: ['ANALYST'],
    organization: 'field',
    note: 'Northwind Home Services: analyst',
  },
];
