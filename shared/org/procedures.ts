/** org.* procedures: streets (those on this device), communities and grids. */
import { z } from 'zod';
import { ADMINS, emptyInput, proc } from '../api/proc';
import { zId } from '../api/zh';
import { SaveCommunitySchema, SaveGridSchema, type CommunityInfo, type GridInfo } from './schemas';

export interface StreetOption {
  code: string;
  name: string;
}

export const orgProcedures = {
  /** The streets whose data this device holds: its own street, or every street at a district device. */
  'org.listStreets': proc<StreetOption[]>()(emptyInput, 'any'),
  'org.listCommunities': proc<CommunityInfo[]>()(emptyInput, 'any'),
  'org.listGrids': proc<GridInfo[]>()(z.strictObject({ communityId: zId('社区').optional() }), 'any'),
  'org.saveCommunity': proc<CommunityInfo>()(SaveCommunitySchema, ADMINS),
  'org.saveGrid': proc<GridInfo>()(SaveGridSchema, ADMINS),
} as const;
