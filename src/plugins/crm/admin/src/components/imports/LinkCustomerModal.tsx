import {
  Button,
  Flex,
  Loader,
  Modal,
  Searchbar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Link as LinkIcon } from '@strapi/icons';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { customerName } from '../customers/model';

/** Searches existing customers and picks one to link a company to. */
export const LinkCustomerModal = ({
  company,
  open,
  onClose,
  onPick,
}: {
  company: string;
  open: boolean;
  onClose: () => void;
  onPick: (customer: Customer) => void;
}) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const [q, setQ] = useState(company);
  const [hits, setHits] = useState<Customer[] | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (open) setQ(company);
  }, [open, company]);

  useEffect(() => {
    if (!open) return;
    const query = q.trim();
    // The quick search needs two characters at least.
    if (query.length < 2) {
      setHits(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const { data } = await api.searchCustomers(query);
        if (!cancelled) setHits(data);
      } catch (error) {
        if (!cancelled) notifyError(error);
      } finally {
        if (!cancelled) setSearching(false);
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q, open, api, notifyError]);

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {formatMessage(
              {
                id: 'crm.import.linkModal.title',
                defaultMessage: 'Link “{company}” to an existing customer',
              },
              { company }
            )}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Searchbar
              name="customer-search"
              value={q}
              onChange={(event) => setQ(event.target.value)}
              onClear={() => setQ('')}
              clearLabel={formatMessage({
                id: 'crm.common.clearSearch',
                defaultMessage: 'Clear the search',
              })}
              placeholder={formatMessage({
                id: 'crm.import.linkModal.placeholder',
                defaultMessage: 'Name, customer number, email or phone',
              })}
            >
              {formatMessage({
                id: 'crm.common.searchCustomers',
                defaultMessage: 'Search customers',
              })}
            </Searchbar>
            {searching ? (
              <Flex justifyContent="center" padding={4}>
                <Loader small>
                  {formatMessage({
                    id: 'crm.import.linkModal.searching',
                    defaultMessage: 'Searching customers…',
                  })}
                </Loader>
              </Flex>
            ) : hits === null ? (
              <Typography textColor="neutral600">
                {formatMessage({
                  id: 'crm.import.linkModal.prompt',
                  defaultMessage: 'Type a name, customer number, email or phone.',
                })}
              </Typography>
            ) : hits.length === 0 ? (
              <Typography textColor="neutral600">
                {formatMessage(
                  { id: 'crm.common.noMatch', defaultMessage: 'No customer matches “{query}”.' },
                  { query: q.trim() }
                )}
              </Typography>
            ) : (
              <Table colCount={3} rowCount={hits.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">
                        {formatMessage({
                          id: 'crm.connections.customer',
                          defaultMessage: 'Customer',
                        })}
                      </Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">
                        {formatMessage({ id: 'crm.connections.number', defaultMessage: 'Number' })}
                      </Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">
                        {formatMessage({
                          id: 'crm.import.linkModal.action',
                          defaultMessage: 'Action',
                        })}
                      </Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {hits.map((hit) => (
                    <Tr key={hit.documentId}>
                      <Td>
                        <Typography>{customerName(hit)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral600">{hit.customerNumber ?? ''}</Typography>
                      </Td>
                      <Td>
                        <Button
                          size="S"
                          variant="secondary"
                          startIcon={<LinkIcon />}
                          onClick={() => onPick(hit)}
                          aria-label={formatMessage(
                            { id: 'crm.import.linkModal.linkTo', defaultMessage: 'Link to {name}' },
                            { name: customerName(hit) }
                          )}
                        >
                          {formatMessage({
                            id: 'crm.import.linkModal.link',
                            defaultMessage: 'Link',
                          })}
                        </Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
            </Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
