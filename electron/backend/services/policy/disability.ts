/** 重度残疾 as the dated parameters define it on a day: read here for the subsidies and the screening cadence alike. */
import type { SevereDisabilityParams } from '../../../../shared/policy/subsidies';
import type { Store } from '../../store/store';
import { requireParam } from './params';

export function severeDisabilityOn(store: Store, street: string, onDate: string): SevereDisabilityParams {
  return {
    grades: requireParam<string[]>(store, street, 'disability.severeGrades', onDate),
    grade3Categories: requireParam<string[]>(store, street, 'disability.severeGrade3Categories', onDate),
  };
}
