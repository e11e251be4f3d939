import type { TableSpec } from '../crud/table';

export const personasTable: TableSpec = {
  table: 'personas',
  label: 'persona',
  json: ['channelPreferences'],
  search: ['name', 'description'],
  defaultSort: { field: 'name', direction: 'asc' },
};
