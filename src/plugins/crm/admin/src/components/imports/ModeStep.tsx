import { Checkbox, Field, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../contracts';
import { ChoiceGroup } from './mode/ChoiceGroup';
import { MatchKeyPicker } from './mode/MatchKeyPicker';
import { ModePreview } from './mode/ModePreview';
import { useModeChoices } from './mode/useModeChoices';
import { useModeSaving } from './mode/useModeSaving';
import { StepFooter } from './StepFooter';

/**
 * Step 3: what the import does with rows that are records the CRM already has: create only,
 * update only, or both; the keys that find those records, in order; rows of the file that share a
 * key; empty cells. Each change is saved at once and the preview counts follow it.
 */
export const ModeStep = ({
  job,
  onJobChange,
  onBack,
  onNext,
}: {
  job: ImportJob;
  onJobChange: (job: ImportJob) => void;
  onBack: () => void;
  onNext: () => void;
}) => {
  const { formatMessage } = useIntl();
  const choices = useModeChoices();
  const { settings, errors, busy, change } = useModeSaving(job, onJobChange);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Typography textColor="neutral600" tag="p">
        {formatMessage({
          id: 'crm.import.mode.intro',
          defaultMessage:
            'Choose what happens to rows that are records the CRM already has. Changes are saved at once.',
        })}
      </Typography>
      <Grid.Root gap={6}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ChoiceGroup
            name="mode"
            label={formatMessage({ id: 'crm.import.mode.label', defaultMessage: 'Import mode' })}
            choices={choices.modes}
            value={settings.mode}
            error={errors.mode}
            onChange={(mode) => change({ mode })}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <MatchKeyPicker
            object={job.object}
            matchKeys={job.matchKeys}
            matchBy={settings.matchBy}
            error={errors.matchBy}
            onChange={(matchBy) => change({ matchBy })}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ChoiceGroup
            name="withinFile"
            label={formatMessage({
              id: 'crm.import.mode.withinFileLabel',
              defaultMessage: 'Later rows of the file with the same key',
            })}
            choices={choices.withinFile}
            value={settings.withinFile}
            error={errors.withinFile}
            onChange={(withinFile) => change({ withinFile })}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ChoiceGroup
            name="emptyCells"
            label={formatMessage({
              id: 'crm.import.mode.emptyCellsLabel',
              defaultMessage: 'Empty cells of a row that matches a record',
            })}
            choices={choices.emptyCells}
            value={settings.emptyCells}
            error={errors.emptyCells}
            onChange={(emptyCells) => change({ emptyCells })}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root
            name="fuzzy"
            error={errors.fuzzy}
            hint={formatMessage({
              id: 'crm.import.mode.fuzzyHint',
              defaultMessage:
                'A row the duplicate matcher finds almost certainly in the CRM (same name and e-mail, phone or date of birth…) is treated like a row its keys match, even without a key in common.',
            })}
          >
            <Checkbox
              checked={settings.fuzzy}
              onCheckedChange={(checked: boolean | 'indeterminate') =>
                change({ fuzzy: checked === true })
              }
            >
              {formatMessage({
                id: 'crm.import.mode.fuzzyLabel',
                defaultMessage: 'Do not create records that look like existing ones',
              })}
            </Checkbox>
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <ModePreview preview={job.preview} updating={busy} />
      <StepFooter
        onBack={onBack}
        backLabel={formatMessage({ id: 'crm.import.step.mapping', defaultMessage: 'Map columns' })}
        onNext={onNext}
        nextLabel={formatMessage({ id: 'crm.import.mode.next', defaultMessage: 'Check the rows' })}
        nextLoading={busy}
        nextDisabled={busy}
      />
    </Flex>
  );
};
