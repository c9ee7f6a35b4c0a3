import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import type { UndoResult } from '../../../../contracts';
import { formatCount } from '../../utils/format';
import { customerPath } from '../customers/model';
import { useFieldLabel } from './labels';

const CONTACT_PATH = '/content-manager/collection-types/plugin::crm.contact';

/**
 * What an undo removed and set back, and the records it kept because others had built on them or
 * changed them since, with why (for a changed record, the fields changed).
 */
export const UndoSummary = ({ undo }: { undo: UndoResult }) => {
  const { formatMessage } = useIntl();
  const fieldLabel = useFieldLabel();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="undo-summary">
      <Typography>
        {formatMessage(
          {
            id: 'crm.import.undo.removed',
            defaultMessage: 'Removed {contacts} contacts and {customers} customers.',
          },
          {
            contacts: formatCount(undo.removed.contacts),
            customers: formatCount(undo.removed.customers),
          }
        )}
        {undo.restored
          ? formatMessage(
              {
                id: 'crm.import.undo.restored',
                defaultMessage:
                  ' Set {count} updated records back to their values before the import.',
              },
              { count: formatCount(undo.restored) }
            )
          : ''}
        {undo.keptCount > 0
          ? formatMessage(
              {
                id: 'crm.import.undo.kept',
                defaultMessage:
                  ' Kept {count} records that others have built on or changed since the import:',
              },
              { count: formatCount(undo.keptCount) }
            )
          : ''}
      </Typography>
      {undo.kept.length > 0 ? (
        <Table colCount={2} rowCount={undo.kept.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">
                  {formatMessage({ id: 'crm.import.undo.keptColumn', defaultMessage: 'Kept' })}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {formatMessage({ id: 'crm.import.undo.because', defaultMessage: 'Because it' })}
                </Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {undo.kept.map((record) => (
              <Tr key={`${record.type}-${record.documentId}`}>
                <Td>
                  <RouterLink
                    to={
                      record.type === 'customer'
                        ? customerPath(record.documentId)
                        : `${CONTACT_PATH}/${record.documentId}`
                    }
                  >
                    {record.name || record.documentId}
                  </RouterLink>{' '}
                  <Typography textColor="neutral600">{`(${record.type})`}</Typography>
                </Td>
                <Td>
                  {/* A record kept for changes since the import: its fields, in the page's words. */}
                  {record.fields?.length ? (
                    <Typography data-testid="undo-kept-fields">
                      {formatMessage(
                        {
                          id: 'crm.import.undo.changedFields',
                          defaultMessage: 'changed since the import, left as is: {fields}',
                        },
                        { fields: record.fields.map(fieldLabel).join(', ') }
                      )}
                    </Typography>
                  ) : (
                    <Typography>{record.reason ?? record.reasons.join('; ')}</Typography>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
      {undo.keptCount > undo.kept.length ? (
        <Typography textColor="neutral600">
          {formatMessage(
            { id: 'crm.import.undo.more', defaultMessage: 'and {count} more.' },
            { count: formatCount(undo.keptCount - undo.kept.length) }
          )}
        </Typography>
      ) : null}
    </Flex>
  );
};
