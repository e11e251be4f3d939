import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';

export const personasTable: TableSpec<Output<'personas.get'>> = {
  table: 'personas',
  label: 'persona',
  json: ['channelPreferences'],
  search: ['name', 'description'],
  defaultSort: { field: 'name', direction: 'asc' },
};
