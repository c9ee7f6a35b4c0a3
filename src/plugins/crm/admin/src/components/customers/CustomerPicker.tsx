import {
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Radio,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Search } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { CustomerRef } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useValueLabel } from '../../hooks/useValueLabel';
import { customerName } from './model';

interface CustomerPickerProps {
  label: string;
  /** The customer whose page this is: never offered. */
  excludeId?: string;
  value: CustomerRef | null;
  onChange: (customer: CustomerRef | null) => void;
  error?: string;
}

/** "Search, then tick one": the quick search of the admin routes, each hit a radio button. */
export const CustomerPicker = ({
  label,
  excludeId,
  value,
  onChange,
  error,
}: CustomerPickerProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const { messageOf } = useRequestErrors();
  const [query, setQuery] = React.useState('');
  const [state, setState] = React.useState<{
    hits?: CustomerRef[];
    loading: boolean;
    error?: string;
  }>({ loading: false });

  const search = async () => {
    const q = query.trim();
    if (!q) return;
    setState({ loading: true });
    try {
      const { data } = await api.searchCustomers(q);
      const hits = data
        .filter((customer) => customer.documentId !== excludeId)
        .map((customer) => ({
          documentId: customer.documentId,
          customerNumber: customer.customerNumber,
          type: customer.type,
          name: customerName(customer),
        }));
      setState({ hits, loading: false });
    } catch (failure) {
      setState({ loading: false, error: messageOf(failure) });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} alignItems="flex-end">
        <Box grow={1}>
          <Field.Root name="customer-search" error={error}>
            <Field.Label>{label}</Field.Label>
            <TextInput
              placeholder={formatMessage({
                id: 'crm.picker.placeholder',
                defaultMessage: 'Name, number, email or phone',
              })}
              value={query}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setQuery(event.target.value)
              }
              onKeyDown={(event: React.KeyboardEvent) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void search();
                }
              }}
            />
            <Field.Error />
          </Field.Root>
        </Box>
        <Button
          variant="secondary"
          startIcon={<Search />}
          onClick={() => void search()}
          disabled={!query.trim()}
          type="button"
        >
          {formatMessage({ id: 'crm.common.search', defaultMessage: 'Search' })}
        </Button>
      </Flex>
      {state.loading && (
        <Loader small>
          {formatMessage({
            id: 'crm.common.searchingCustomers',
            defaultMessage: 'Searching customers',
          })}
        </Loader>
      )}
      {state.error && (
        <Typography textColor="danger600" variant="pi">
          {state.error}
        </Typography>
      )}
      {state.hits && state.hits.length === 0 && (
        <Typography textColor="neutral600">
          {formatMessage(
            { id: 'crm.common.noMatch', defaultMessage: 'No customer matches “{query}”.' },
            { query }
          )}
        </Typography>
      )}
      {state.hits && state.hits.length > 0 && (
        <Radio.Group
          aria-label={label}
          value={value?.documentId ?? ''}
          onValueChange={(documentId: string) =>
            onChange(state.hits!.find((hit) => hit.documentId === documentId) ?? null)
          }
        >
          {state.hits.map((hit) => (
            <Radio.Item key={hit.documentId} value={hit.documentId}>
              {`${hit.name} · ${hit.customerNumber} · ${valueLabel(hit.type)}`}
            </Radio.Item>
          ))}
        </Radio.Group>
      )}
    </Flex>
  );
};
