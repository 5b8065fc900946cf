/**
 * One configuration for every antd Select (AppProviders): searchable by its label text, so that
 * typing 失业 in 从业状况 and pressing Enter picks 失业, the highlighted match. A Select that cannot
 * be searched keeps its first option highlighted while the user types, and Enter records that
 * option (学龄前) instead of what was typed. A typed text that matches nothing leaves the value as it
 * was. Selects that search the server (showSearch with filterOption: false) set their own.
 */
import type { SelectProps } from 'antd';
import { filterByLabel } from './codes';

export const SEARCHABLE_SELECT: { showSearch: SelectProps['showSearch'] } = {
  showSearch: { filterOption: filterByLabel },
};
