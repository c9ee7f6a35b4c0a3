import * as React from 'react';

import { Alert, Box, Button, Field, Flex, Loader, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { useCrmSettings } from '../../components/customers/hooks';
import { EDGE_COLOURS, NODE_COLOURS, NetworkGraph } from '../../components/customers/NetworkGraph';
import { customerPath, humanize, type Network } from '../../components/customers/model';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { readServerError } from '../../utils/strapiErrorDetails';

const Swatch = ({ colour, label, round }: { colour: string; label: string; round?: boolean }) => (
  <Flex gap={1} alignItems="center">
    <span style={{ display: 'inline-block', width: 12, height: 12, background: colour, borderRadius: round ? '50%' : 2 }} />
    <Typography variant="pi">{label}</Typography>
  </Flex>
);

/** /admin/plugins/crm/customers/:documentId/network?depth=1..3: the customer's network as a picture. */
export const NetworkPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const [params, setParams] = useSearchParams();
  const settings = useCrmSettings();
  const maxDepth = settings.data?.maxNetworkDepth ?? 3;
  const depth = Math.min(Math.max(Number(params.get('depth')) || 1, 1), maxDepth);
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();

  const network = useAsyncResource(`${documentId}|${depth}`, async () => {
    const response = await get<{ data: Network }>(`/crm/customers/${documentId}/network`, { params: { depth } });
    return response.data.data;
  });
  React.useEffect(() => {
    if (network.error) toggleNotification({ type: 'danger', message: readServerError(network.error).message });
  }, [network.error, toggleNotification]);

  const root = network.data?.nodes.find((node) => node.id === documentId);
  const title = root ? `Network of ${root.name}` : 'Network';
  const onOpen = React.useCallback((id: string) => navigate(customerPath(id)), [navigate]);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={root ? `${root.customerNumber} · connections and relationships up to ${depth} step${depth > 1 ? 's' : ''} away` : undefined}
        navigationAction={
          <RouterLink to={customerPath(documentId)} style={{ textDecoration: 'none' }}>
            <Flex gap={2} paddingBottom={2}>
              <ArrowLeft /> Customer overview
            </Flex>
          </RouterLink>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={6} alignItems="flex-end" wrap="wrap">
            <Box width="16rem">
              <Field.Root name="depth">
                <Field.Label>Depth</Field.Label>
                <SingleSelect value={String(depth)} onChange={(value: string | number) => setParams({ depth: String(value) })}>
                  {Array.from({ length: maxDepth }, (_, index) => index + 1).map((value) => (
                    <SingleSelectOption key={value} value={String(value)}>
                      {value === 1 ? '1 step' : `${value} steps`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Flex gap={4} paddingBottom={2} wrap="wrap">
              <Swatch colour={NODE_COLOURS.individual} label="Individual" round />
              <Swatch colour={NODE_COLOURS.business} label="Business" />
              <Swatch colour={EDGE_COLOURS.connection} label="Connection" />
              <Swatch colour={EDGE_COLOURS.hierarchical} label="Hierarchical (parent → child)" />
              <Swatch colour={EDGE_COLOURS.loose} label="Loosely linked" />
            </Flex>
            {network.data && (
              <Typography variant="pi" textColor="neutral600" paddingBottom={2} data-testid="crm-network-counts">
                {network.data.nodes.length} customer{network.data.nodes.length === 1 ? '' : 's'} · {network.data.edges.length} link
                {network.data.edges.length === 1 ? '' : 's'}
              </Typography>
            )}
          </Flex>

          {network.isLoading && !network.data && (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading the network</Loader>
            </Flex>
          )}
          {network.error !== undefined && !network.isLoading && (
            readServerError(network.error).status === 404 ? (
              <Page.NoData content={`No customer has the id ${documentId}.`} />
            ) : (
              <Page.Error content={readServerError(network.error).message} action={<Button onClick={network.reload}>Try again</Button>} />
            )
          )}
          {network.data && !network.error && (
            <>
              {network.data.truncated && (
                <Alert variant="warning" title="Large network" closeLabel="Close" onClose={() => undefined}>
                  Only the nearest {network.data.nodes.length} customers are shown.
                </Alert>
              )}
              {network.data.nodes.length <= 1 && (
                <Typography textColor="neutral600">
                  {humanize(root?.type)} {root?.name} has no connections or relationships yet.
                </Typography>
              )}
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={2} position="relative">
                <NetworkGraph network={network.data} rootId={documentId} onOpen={onOpen} />
                {network.isLoading && (
                  <Box position="absolute" top={4} right={4}>
                    <Loader small>Updating</Loader>
                  </Box>
                )}
              </Box>
              <Typography variant="pi" textColor="neutral600">
                Click a customer to open it; drag to move, scroll to zoom.
              </Typography>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
