import {
  Checkbox,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { CONTACT_POINT_KINDS, PREFERRED_CONTACTS } from '../../../../../contracts';
import { useInlineLabel } from '../../../hooks/useInlineLabel';
import { useValueLabel } from '../../../hooks/useValueLabel';
import { useKindLabels } from '../useKindLabels';
import { NONE, primaryKey, type Draft, type ErrorAt, type SetDraft } from './draft';

/**
 * Privacy flags, the preferred way of contact, and which row of each kind is the primary (left
 * out with `withPrimaries` false: a stored customer's primaries are chosen point by point).
 */
export const PreferencesSection = ({
  draft,
  setDraft,
  errorAt,
  withPrimaries = true,
}: {
  draft: Draft;
  setDraft: SetDraft;
  errorAt: ErrorAt;
  withPrimaries?: boolean;
}) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const kindLabels = useKindLabels();
  const inline = useInlineLabel();
  const privacy = [
    ['noEmail', formatMessage({ id: 'crm.privacy.noEmail', defaultMessage: 'No email' })],
    ['noMail', formatMessage({ id: 'crm.privacy.noMail', defaultMessage: 'No mail' })],
    [
      'noPhoneCalls',
      formatMessage({ id: 'crm.privacy.noPhoneCalls', defaultMessage: 'No phone calls' }),
    ],
  ] as const;

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
        <Typography variant="pi" fontWeight="bold">
          {formatMessage({ id: 'crm.newCustomer.privacy', defaultMessage: 'Customer privacy' })}
        </Typography>
        <Flex gap={4} paddingTop={2}>
          {privacy.map(([name, label]) => (
            <Checkbox
              key={name}
              name={name}
              checked={draft.privacy[name]}
              onCheckedChange={(checked: boolean | 'indeterminate') =>
                setDraft((current) => ({
                  ...current,
                  privacy: { ...current.privacy, [name]: checked === true },
                }))
              }
            >
              {label}
            </Checkbox>
          ))}
        </Flex>
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <Field.Root name="preferredContact" error={errorAt(['preferredContact'])}>
          <Field.Label>
            {formatMessage({
              id: 'crm.newCustomer.preferredContact',
              defaultMessage: 'Preferred contact',
            })}
          </Field.Label>
          <SingleSelect
            value={draft.preferredContact}
            onChange={(value: string | number) =>
              setDraft((current) => ({ ...current, preferredContact: String(value) }))
            }
          >
            <SingleSelectOption value={NONE}>
              {formatMessage({ id: 'crm.common.none', defaultMessage: 'None' })}
            </SingleSelectOption>
            {PREFERRED_CONTACTS.map((value) => (
              <SingleSelectOption key={value} value={value}>
                {valueLabel(value)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      {withPrimaries && (
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Typography variant="pi" fontWeight="bold">
            {formatMessage({
              id: 'crm.newCustomer.selectPrimary',
              defaultMessage: 'Select primary',
            })}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
            {CONTACT_POINT_KINDS.map((kind) => {
              const rows = draft.points[kind];
              const chosen = primaryKey(
                draft,
                kind,
                rows.map((row) => row.key)
              );
              const kindName = inline(kindLabels(kind).one);
              return (
                <SingleSelect
                  key={kind}
                  size="S"
                  aria-label={formatMessage(
                    { id: 'crm.newCustomer.primaryOf', defaultMessage: 'Primary {kind}' },
                    { kind: kindName }
                  )}
                  disabled={rows.length <= 1}
                  value={chosen === undefined ? '' : String(chosen)}
                  placeholder={formatMessage(
                    { id: 'crm.newCustomer.noneOfKind', defaultMessage: 'No {kind}' },
                    { kind: kindName }
                  )}
                  onChange={(value: string | number) =>
                    setDraft((current) => ({
                      ...current,
                      primary: { ...current.primary, [kind]: Number(value) },
                    }))
                  }
                >
                  {rows.map((row, index) => (
                    <SingleSelectOption key={row.key} value={String(row.key)}>
                      {formatMessage(
                        {
                          id: 'crm.newCustomer.primaryRow',
                          defaultMessage: 'Primary {kind}: {position} ({type})',
                        },
                        { kind: kindName, position: index + 1, type: valueLabel(row.type) }
                      )}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              );
            })}
          </Flex>
        </Grid.Item>
      )}
    </Grid.Root>
  );
};
