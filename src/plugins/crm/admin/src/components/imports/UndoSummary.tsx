import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

import { customerPath } from '../customers/model';
import { formatCount } from '../../utils/format';
import type { UndoResult } from './types';

const CONTACT_PATH = '/content-manager/collection-types/plugin::crm.contact';

/** What an undo removed, and the records it kept because others had built on them since, with why. */
export const UndoSummary = ({ undo }: { undo: UndoResult }) => (
  <Flex direction="column" alignItems="stretch" gap={3} data-testid="undo-summary">
    <Typography>
      Removed {formatCount(undo.removed.contacts)} contacts and {formatCount(undo.removed.customers)} customers.
      {undo.keptCount > 0 ? ` Kept ${formatCount(undo.keptCount)} records that others have built on since the import:` : ''}
    </Typography>
    {undo.kept.length > 0 ? (
      <Table colCount={2} rowCount={undo.kept.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">Kept</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Because it</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {undo.kept.map((record) => (
            <Tr key={`${record.type}-${record.documentId}`}>
              <Td>
                <RouterLink to={record.type === 'customer' ? customerPath(record.documentId) : `${CONTACT_PATH}/${record.documentId}`}>
                  {record.name || record.documentId}
                </RouterLink>{' '}
                <Typography textColor="neutral600">({record.type})</Typography>
              </Td>
              <Td>
                <Typography>{record.reasons.join('; ')}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    ) : null}
    {undo.keptCount > undo.kept.length ? (
      <Typography textColor="neutral600">and {formatCount(undo.keptCount - undo.kept.length)} more.</Typography>
    ) : null}
  </Flex>
);
