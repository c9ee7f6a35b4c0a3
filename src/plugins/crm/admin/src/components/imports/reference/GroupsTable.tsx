import { Table, Tbody, Thead, Tr } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportDecisionAction, ReferenceGroup } from '../../../../../contracts';
import { HeaderCells } from '../../common/PageStates';
import { GroupRow } from './GroupRow';

interface GroupsTableProps {
  groups: ReferenceGroup[];
  names: Record<string, string>;
  busy: string | null;
  onDecide: (group: ReferenceGroup, action: ImportDecisionAction, customer?: string) => void;
  onSearch: (group: ReferenceGroup) => void;
}

/** The unmatched companies of an import, a row each. */
export const GroupsTable = ({ groups, ...row }: GroupsTableProps) => {
  const { formatMessage } = useIntl();
  const headers = [
    formatMessage({ id: 'crm.import.reference.company', defaultMessage: 'Company' }),
    formatMessage({ id: 'crm.import.reference.rows', defaultMessage: 'Rows' }),
    formatMessage({ id: 'crm.import.reference.suggested', defaultMessage: 'Suggested customers' }),
    formatMessage({ id: 'crm.import.reference.decision', defaultMessage: 'Decision' }),
    formatMessage({ id: 'crm.common.actions', defaultMessage: 'Actions' }),
  ];
  return (
    <Table colCount={headers.length} rowCount={groups.length + 1}>
      <Thead>
        <Tr>
          <HeaderCells headers={headers} />
        </Tr>
      </Thead>
      <Tbody>
        {groups.map((group) => (
          <GroupRow key={group.key} group={group} {...row} />
        ))}
      </Tbody>
    </Table>
  );
};
