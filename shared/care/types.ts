/** Output shapes of the care.* procedures. */
import type { AgreementStatus, CardStatus, CareLevel, FourHave } from './codes';
import type { FilledTemplate } from './template';
import type { FourHaveGap, SelfCareLevel } from './rules';

export interface CareProfile {
  personId: string;
  selfCareMet: Record<string, boolean> | null;
  selfCareLevel: SelfCareLevel | null;
  careLevel: CareLevel | null;
  assessedDate: string | null;
  health: string | null;
  risks: string | null;
  needs: string | null;
  supplyMode: 'home' | 'institution';
  transferDate: string | null;
  transferInstitution: string | null;
  transferReason: string | null;
}

export interface Caregiver {
  id: string;
  name: string;
  idMasked: string;
  relation: string;
  phone: string;
  address: string | null;
  notes: string | null;
  /** Agreements in force today. */
  caseload: number;
}

export interface Agreement {
  id: string;
  personId: string;
  personName: string;
  caregiverId: string;
  caregiverName: string;
  /** 协议编号; null for an agreement made before numbering until it is first printed. */
  agreementNumber: string | null;
  hasPartyC: boolean;
  /** The guardian's ID number masked; the full number only in the audited agreement print data. */
  guardian: { name: string; idMasked: string | null; relation: string | null; phone: string | null } | null;
  startDate: string;
  endDate: string;
  services: string[];
  visitIntervalDays: number;
  careLevel: CareLevel;
  subsidyFen: number;
  /** Status on today's date (expired derived). */
  status: AgreementStatus;
  signedDate: string | null;
  terminatedDate: string | null;
  terminationReason: string | null;
  renewalDue: boolean;
  daysLeft: number;
}

export interface Card {
  id: string;
  personId: string;
  personName: string;
  communityName: string;
  cardNumber: string;
  issuedDate: string;
  validFrom: string;
  validTo: string;
  status: CardStatus;
  endedDate: string | null;
  endReason: string | null;
}

export interface Visit {
  id: string;
  personId: string;
  visitDate: string;
  visitorKind: string;
  visitorName: string;
  orgName: string | null;
  method: string;
  services: string[];
  content: string;
  findings: string | null;
  careFailed: boolean;
  conditionsPoor: boolean;
  noOtherCarer: boolean;
  countsAsVisit: boolean;
}

export interface EmergencyPlan {
  personId: string;
  contacts: { name: string; relation: string | null; phone: string }[];
  hospital: string | null;
  hospitalPhone: string | null;
  conditions: string | null;
  actions: string | null;
  updatedAt: string;
}

export interface BoardRow {
  personId: string;
  name: string;
  idMasked: string;
  age: number;
  communityId: string;
  communityName: string;
  address: string;
  careLevel: CareLevel | null;
  ok: Record<FourHave, boolean>;
  gaps: FourHaveGap[];
  nextVisitDue: string | null;
  lastVisitDate: string | null;
  caregiverName: string | null;
  activeCardId: string | null;
  agreementId: string | null;
  renewalDue: boolean;
  institutionalSuggested: boolean;
  institutionalReason: string | null;
}

export interface CarePersonDetail {
  person: { id: string; name: string; idMasked: string; sex: 'male' | 'female'; age: number; phone: string | null; address: string; communityName: string };
  profile: CareProfile | null;
  agreements: Agreement[];
  cards: Card[];
  visits: Visit[];
  plan: EmergencyPlan | null;
  board: BoardRow;
}

/** Everything one printed card shows. */
export interface CardPrint {
  cardId: string;
  cardNumber: string;
  personName: string;
  personSex: string;
  personIdMasked: string;
  personAddress: string;
  selfCare: string;
  caregiverName: string;
  caregiverPhone: string;
  communityName: string;
  communityContact: string;
  communityPhone: string;
  streetContact: string;
  streetPhone: string;
  hotline: string;
  serviceItems: string[];
  visitFrequency: string;
  emergency: string;
  validFrom: string;
  validTo: string;
  issuedBy: string;
  /** Text encoded in the QR code: the card number with its check character (card-code.ts). */
  qrText: string;
  status: CardStatus;
  /** Required fields left blank (printed as lines to fill by hand): the print asks before printing. */
  missing: string[];
}

export interface AgreementPrint {
  agreementId: string;
  status: AgreementStatus;
  filled: FilledTemplate;
  partyA: { name: string; address: string | null; phone: string | null };
  partyB: { name: string; idNumber: string; phone: string; address: string | null; relation: string };
  partyC: { name: string; idNumber: string | null; phone: string | null; role: string } | null;
  person: { name: string; idNumber: string; address: string };
  signedDate: string | null;
  /** 协议编号, on every page. */
  agreementNumber: string;
  /** 监督电话 (care.supervisionHotline); '' when not set. */
  hotline: string;
  /** Required fields left blank: the print asks before printing. */
  missing: string[];
}

/** A card found by the code its QR carries. */
export interface CardLookup {
  cardNumber: string;
  personId: string;
  personName: string;
  status: CardStatus;
}
