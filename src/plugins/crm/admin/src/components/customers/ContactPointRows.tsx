import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { CONTACT_POINT_PLURALS, type ContactPointKind } from '../../../../contracts';
import { useInlineLabel } from '../../hooks/useInlineLabel';
import { newPointDraft, type PointDraft } from './contact-point-draft';
import { ContactPointFields } from './ContactPointFields';
import { useKindLabels } from './useKindLabels';

interface ContactPointRowsProps {
  kind: ContactPointKind;
  rows: PointDraft[];
  types: readonly string[];
  limit: number;
  onePerType: boolean;
  onChange: (rows: PointDraft[]) => void;
  /** The server's message for a path under this kind (`phones.1.number`), if any. */
  errorAt: (path: (string | number)[]) => string | undefined;
}

/** A card per kind with a "+" button (up to the limit) and a row per contact point. */
export const ContactPointRows = ({
  kind,
  rows,
  types,
  limit,
  onePerType,
  onChange,
  errorAt,
}: ContactPointRowsProps) => {
  const { formatMessage } = useIntl();
  const plural = CONTACT_POINT_PLURALS[kind];
  const labels = useKindLabels()(kind);
  const inline = useInlineLabel();
  const unusedType = types.find((type) => !rows.some((row) => row.type === type));
  const full = rows.length >= limit || (onePerType && !unusedType);
  const kindError = errorAt([plural]);

  const update = (index: number, changed: PointDraft) =>
    onChange(rows.map((row, i) => (i === index ? changed : row)));

  return (
    <Box
      padding={4}
      hasRadius
      borderColor="neutral200"
      background="neutral0"
      data-testid={`crm-${plural}`}
    >
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={rows.length ? 3 : 0}>
        <Typography variant="delta" tag="h3">
          {labels.many}
          <Typography variant="pi" textColor="neutral600">
            {' '}
            ({rows.length}/{limit})
          </Typography>
        </Typography>
        <IconButton
          label={formatMessage(
            { id: 'crm.contactPoints.add', defaultMessage: 'Add {kind}' },
            { kind: inline(labels.one) }
          )}
          disabled={full}
          onClick={() => onChange([...rows, newPointDraft(unusedType ?? types[0])])}
          type="button"
        >
          <Plus />
        </IconButton>
      </Flex>
      {kindError && (
        <Typography textColor="danger600" variant="pi" tag="p">
          {kindError}
        </Typography>
      )}
      <Flex direction="column" alignItems="stretch" gap={3}>
        {rows.map((row, index) => {
          const rowError = errorAt([plural, index]);
          return (
            <Box key={row.key} data-testid={`crm-${kind}-row-${index}`}>
              <ContactPointFields
                kind={kind}
                row={row}
                types={types}
                takenTypes={
                  onePerType
                    ? rows.filter((other) => other.key !== row.key).map((other) => other.type)
                    : []
                }
                typeLabel={formatMessage(
                  { id: 'crm.contactPoints.typeLabel', defaultMessage: '{kind} {position} type' },
                  { kind: labels.one, position: index + 1 }
                )}
                namePrefix={`${plural}.${index}.`}
                onChange={(changed) => update(index, changed)}
                errorOf={(field) => errorAt([plural, index, field])}
                trailing={
                  <IconButton
                    label={formatMessage(
                      {
                        id: 'crm.contactPoints.remove',
                        defaultMessage: 'Remove {kind} {position}',
                      },
                      { kind: inline(labels.one), position: index + 1 }
                    )}
                    variant="ghost"
                    onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    type="button"
                  >
                    <Trash />
                  </IconButton>
                }
              />
              {rowError && (
                <Typography textColor="danger600" variant="pi" tag="p">
                  {rowError}
                </Typography>
              )}
            </Box>
          );
        })}
      </Flex>
    </Box>
  );
};
