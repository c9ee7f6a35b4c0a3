import { useMemo } from 'react';
import { useIntl } from 'react-intl';

import type { ImportEmptyCells, ImportMode, ImportWithinFile } from '../../../../../contracts';
import type { Choice } from './ChoiceGroup';

/** The options of the mode step, each with the line that says what it does. */
export const useModeChoices = () => {
  const { formatMessage } = useIntl();
  return useMemo(() => {
    const modes: Choice<ImportMode>[] = [
      {
        value: 'create',
        label: formatMessage({ id: 'crm.import.mode.create', defaultMessage: 'Create only' }),
        hint: formatMessage({
          id: 'crm.import.mode.createHint',
          defaultMessage:
            'Rows that match an existing record are ignored, naming it; the others become new records.',
        }),
      },
      {
        value: 'update',
        label: formatMessage({ id: 'crm.import.mode.update', defaultMessage: 'Update only' }),
        hint: formatMessage({
          id: 'crm.import.mode.updateHint',
          defaultMessage:
            'Rows that match an existing record update it; rows that match none are ignored.',
        }),
      },
      {
        value: 'upsert',
        label: formatMessage({ id: 'crm.import.mode.upsert', defaultMessage: 'Create and update' }),
        hint: formatMessage({
          id: 'crm.import.mode.upsertHint',
          defaultMessage:
            'Rows that match an existing record update it; the others become new records.',
        }),
      },
    ];
    const withinFile: Choice<ImportWithinFile>[] = [
      {
        value: 'ignore',
        label: formatMessage({
          id: 'crm.import.mode.withinFile.ignore',
          defaultMessage: 'Ignore them as duplicates',
        }),
        hint: formatMessage({
          id: 'crm.import.mode.withinFile.ignoreHint',
          defaultMessage: 'Only the first of the rows is imported.',
        }),
      },
      {
        value: 'merge',
        label: formatMessage({
          id: 'crm.import.mode.withinFile.merge',
          defaultMessage: 'Merge them into the first row’s record',
        }),
        hint: formatMessage({
          id: 'crm.import.mode.withinFile.mergeHint',
          defaultMessage: 'Each later row updates the record of the first, in file order.',
        }),
      },
    ];
    const emptyCells: Choice<ImportEmptyCells>[] = [
      {
        value: 'keep',
        label: formatMessage({
          id: 'crm.import.mode.emptyCells.keep',
          defaultMessage: 'Leave the field as it is',
        }),
        hint: formatMessage({
          id: 'crm.import.mode.emptyCells.keepHint',
          defaultMessage: 'An empty cell changes nothing.',
        }),
      },
      {
        value: 'clear',
        label: formatMessage({
          id: 'crm.import.mode.emptyCells.clear',
          defaultMessage: 'Empty the field',
        }),
        hint: formatMessage({
          id: 'crm.import.mode.emptyCells.clearHint',
          defaultMessage: 'The record ends with the file’s values, blanks included.',
        }),
      },
    ];
    return { modes, withinFile, emptyCells };
  }, [formatMessage]);
};
