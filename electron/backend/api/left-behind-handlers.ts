/** leftBehind.* procedures: 留守 records per person. */
import { getLeftBehind, listLeftBehind } from '../services/left-behind/read';
import { closeLeftBehind, openLeftBehind, updateLeftBehind } from '../services/left-behind/write';
import type { AreaHandlers } from './handlers';

export function leftBehindHandlers(): AreaHandlers<'leftBehind.'> {
  return {
    'leftBehind.list': (input, { store, actor }) => listLeftBehind(store, actor.streetCode, input),
    'leftBehind.get': (input, { store, actor }) => getLeftBehind(store, actor.streetCode, input.id),
    'leftBehind.open': (input, { store, actor }) => openLeftBehind(store, actor, input),
    'leftBehind.update': (input, { store, actor }) => updateLeftBehind(store, actor, input),
    'leftBehind.close': (input, { store, actor }) => closeLeftBehind(store, actor, input),
  };
}
