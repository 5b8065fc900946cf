/**
 * Sends the new household with its members; errors land on the field they name. For a
 * 待登记线索 (clueId), the same registration goes with 登记并立项, which also makes the item.
 * Implausible relations and ages are asked about first.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { LedgerDetail } from '../../../../shared/ledger/schemas';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';
import { toHouseholdInput, type HouseholdFormValues } from '../../forms/household-values';
import { toPersonInput, type PersonFormValues } from '../../forms/person-values';
import { confirmRelationAges } from '../../forms/confirm-relation-ages';

export interface NewHouseholdValues {
  household: HouseholdFormValues;
  members: PersonFormValues[];
  /** For a 待登记线索: which member the clue is about. */
  personIndex?: number;
}

export function useCreateHousehold(
  form: FormInstance<NewHouseholdValues>,
  onCreated: (h: HouseholdDetail) => void,
  clue?: { id: string; onConverted: (item: LedgerDetail) => void },
) {
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);

  const save = async (values: NewHouseholdValues) => {
    // A 子 older than the 户主 and the like: the user confirms before anything is sent.
    if (!(await confirmRelationAges(modal, values.members))) return;
    setSaving(true);
    try {
      const household = toHouseholdInput(values.household);
      const members = values.members.map(toPersonInput);
      if (clue) {
        const item = await api.call('ledger.clueConvert', { id: clue.id, household, members, personIndex: values.personIndex ?? 0 });
        message.success(`已登记家庭并立项：${item.itemNo}`);
        clue.onConverted(item);
      } else {
        const created = await api.call('registry.createHousehold', { household, members });
        message.success('已新建家庭');
        onCreated(created);
      }
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setSaving(false);
    }
  };

  return { saving, save };
}
