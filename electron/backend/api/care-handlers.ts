/** care.* procedures: 分散供养特困人员照料服务. */
import { createAgreement, renewalsDue, signAgreement, terminateAgreement, updateAgreement } from '../services/care/agreements';
import { carePersonDetail, fourHavesBoard } from '../services/care/board';
import { listCaregivers, saveCaregiver } from '../services/care/caregivers';
import { cancelCard, cardByCode, issueCard, listCards, reissueCard } from '../services/care/cards';
import { agreementPrintData, cardPrintData, recordPrint } from '../services/care/print';
import { recordTransfer, saveProfile } from '../services/care/profiles';
import { recordVisit, savePlan } from '../services/care/visits';
import type { AreaHandlers } from './handlers';

export function careHandlers(): AreaHandlers<'care.'> {
  return {
    'care.board': (input, { store, actor }) => fourHavesBoard(store, actor.streetCode, input.communityId ?? null, input.gapsOnly),
    'care.getPerson': (input, { store, actor }) => carePersonDetail(store, actor.streetCode, input.personId),
    'care.saveProfile': (input, { store, actor }) => saveProfile(store, actor, input),
    'care.recordTransfer': (input, { store, actor }) => recordTransfer(store, actor, input),
    'care.listCaregivers': (input, { store, actor }) => listCaregivers(store, actor.streetCode, input.q ?? null),
    'care.saveCaregiver': (input, { store, actor }) => saveCaregiver(store, actor, input.id ?? null, input.caregiver),
    'care.createAgreement': (input, { store, actor }) => createAgreement(store, actor, input),
    'care.updateAgreement': (input, { store, actor }) => updateAgreement(store, actor, input.id, input.patch),
    'care.signAgreement': (input, { store, actor }) => signAgreement(store, actor, input.id, input.signedDate),
    'care.terminateAgreement': (input, { store, actor }) => terminateAgreement(store, actor, input.id, input.date, input.reason),
    'care.renewalsDue': (_input, { store, actor }) => renewalsDue(store, actor.streetCode),
    'care.issueCard': (input, { store, actor }) => issueCard(store, actor, input),
    'care.reissueCard': (input, { store, actor }) => reissueCard(store, actor, input.cardId, input.reason),
    'care.cancelCard': (input, { store, actor }) => cancelCard(store, actor, input.cardId, input.reason),
    'care.listCards': (input, { store, actor }) => listCards(store, actor.streetCode, input),
    'care.recordVisit': (input, { store, actor }) => recordVisit(store, actor, input),
    'care.savePlan': (input, { store, actor }) => savePlan(store, actor, input),
    'care.cardPrintData': (input, { store, actor }) => cardPrintData(store, actor.streetCode, input.ids),
    'care.agreementPrintData': (input, { store, actor }) => agreementPrintData(store, actor, input.id),
    'care.cardByCode': (input, { store, actor }) => cardByCode(store, actor.streetCode, input.code),
    'care.recordPrint': (input, { store, actor }) => recordPrint(store, actor, input),
  };
}
