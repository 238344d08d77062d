import { registerEnumType } from 'type-graphql';

// Same name and values as operations' SortDirection, so the two compose into one enum.
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });
