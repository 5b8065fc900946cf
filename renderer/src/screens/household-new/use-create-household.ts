/** Sends the new household with its members; errors land on the field they name. */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';
import { toHouseholdInput, type HouseholdFormValues } from '../../forms/household-values';
import { toPersonInput, type PersonFormValues } from '../../forms/person-values';

export interface NewHouseholdValues {
  household: HouseholdFormValues;
  members: PersonFormValues[];
}

export function useCreateHousehold(form: FormInstance<NewHouseholdValues>, onCreated: (h: HouseholdDetail) => void) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  const save = async (values: NewHouseholdValues) => {
    setSaving(true);
    try {
      const created = await api.call('registry.createHousehold', {
        household: toHouseholdInput(values.household),
        members: values.members.map(toPersonInput),
      });
      message.success('已新建家庭');
      onCreated(created);
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setSaving(false);
    }
  };

  return { saving, save };
}
