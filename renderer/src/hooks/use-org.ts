/** Communities and grids of the street, for filters and household forms. */
import type { CommunityInfo, GridInfo } from '../../../shared/org/schemas';
import { api } from '../api/client';
import { useApiQuery, type ApiQuery } from './use-api-query';

export function useCommunities(): ApiQuery<CommunityInfo[]> {
  return useApiQuery(() => api.call('org.listCommunities', {}), []);
}

/** Grids of one community; nothing is loaded while no community is chosen. */
export function useGrids(communityId: string | null | undefined): ApiQuery<GridInfo[]> {
  return useApiQuery(
    () => api.call('org.listGrids', { communityId: communityId ?? undefined }),
    [communityId],
    !!communityId,
  );
}

/** All grids of the street; nothing is loaded while not `enabled`. */
export function useAllGrids(enabled = true): ApiQuery<GridInfo[]> {
  return useApiQuery(() => api.call('org.listGrids', {}), [], enabled);
}
