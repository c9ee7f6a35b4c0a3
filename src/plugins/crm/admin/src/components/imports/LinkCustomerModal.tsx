import { Button, Flex, Loader, Modal, Searchbar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link as LinkIcon } from '@strapi/icons';
import { useEffect, useState } from 'react';

import { customerLabel } from '../../utils/customers';
import { useNotify } from '../../utils/notify';
import type { CustomerHit } from './types';
import { useImportApi } from './useImportApi';

/** Searches existing customers (GET /crm/customers/search?q=) and picks one to link a company to. */
export const LinkCustomerModal = ({
  company,
  open,
  onClose,
  onPick,
}: {
  company: string;
  open: boolean;
  onClose: () => void;
  onPick: (customer: CustomerHit) => void;
}) => {
  const api = useImportApi();
  const { notifyError } = useNotify();
  const [q, setQ] = useState(company);
  const [hits, setHits] = useState<CustomerHit[] | null>(null);
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
        const found = await api.searchCustomers(query);
        if (!cancelled) setHits(found);
      } catch (error) {
        if (!cancelled) notifyError(error, 'The customer search failed');
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
        <Modal.Header>
          <Modal.Title>Link “{company}” to an existing customer</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Searchbar
              name="customer-search"
              value={q}
              onChange={(event) => setQ(event.target.value)}
              onClear={() => setQ('')}
              clearLabel="Clear the search"
              placeholder="Name, customer number, email or phone"
            >
              Search customers
            </Searchbar>
            {searching ? (
              <Flex justifyContent="center" padding={4}>
                <Loader small>Searching customers…</Loader>
              </Flex>
            ) : hits === null ? (
              <Typography textColor="neutral600">Type a name, customer number, email or phone.</Typography>
            ) : hits.length === 0 ? (
              <Typography textColor="neutral600">No customer matches “{q.trim()}”.</Typography>
            ) : (
              <Table colCount={3} rowCount={hits.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">Customer</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">Number</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">Action</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {hits.map((hit) => (
                    <Tr key={hit.documentId}>
                      <Td>
                        <Typography>{customerLabel(hit)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral600">{hit.customerNumber ?? ''}</Typography>
                      </Td>
                      <Td>
                        <Button size="S" variant="secondary" startIcon={<LinkIcon />} onClick={() => onPick(hit)} aria-label={`Link to ${customerLabel(hit)}`}>
                          Link
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
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
