import { Alert, Box, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { useCrmApi } from '../../api';
import { PageLoadError, PageLoader } from '../../components/common/PageStates';
import { useCrmSettings } from '../../components/customers/hooks';
import { customerPath } from '../../components/customers/model';
import { DepthSelect, NetworkLegend } from '../../components/customers/network/NetworkLegend';
import { NetworkGraph } from '../../components/customers/NetworkGraph';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useValueLabel } from '../../hooks/useValueLabel';
import { statusOf } from '../../utils/serverErrors';
import { useAsyncResource } from '../../utils/useAsyncResource';

/** /admin/plugins/crm/customers/:documentId/network?depth=1..3: the customer's network as a picture. */
export const NetworkPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const [params, setParams] = useSearchParams();
  const settings = useCrmSettings();
  const maxDepth = settings.data?.maxNetworkDepth ?? 3;
  const depth = Math.min(Math.max(Number(params.get('depth')) || 1, 1), maxDepth);
  const navigate = useNavigate();
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();

  const network = useAsyncResource(`${documentId}|${depth}`, () => api.network(documentId, depth));
  React.useEffect(() => {
    if (network.error) notifyError(network.error);
  }, [network.error, notifyError]);

  const root = network.data?.nodes.find((node) => node.id === documentId);
  const title = root
    ? formatMessage(
        { id: 'crm.network.titleOf', defaultMessage: 'Network of {name}' },
        { name: root.name }
      )
    : formatMessage({ id: 'crm.network.title', defaultMessage: 'Network' });
  const onOpen = React.useCallback((id: string) => navigate(customerPath(id)), [navigate]);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          root
            ? formatMessage(
                {
                  id: 'crm.network.subtitle',
                  defaultMessage:
                    '{number} · connections and relationships up to {depth, plural, one {# step} other {# steps}} away',
                },
                { number: root.customerNumber, depth }
              )
            : undefined
        }
        navigationAction={
          <RouterLink to={customerPath(documentId)} style={{ textDecoration: 'none' }}>
            <Flex gap={2} paddingBottom={2}>
              <ArrowLeft />{' '}
              {formatMessage({ id: 'crm.network.back', defaultMessage: 'Customer overview' })}
            </Flex>
          </RouterLink>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={6} alignItems="flex-end" wrap="wrap">
            <DepthSelect
              depth={depth}
              maxDepth={maxDepth}
              onChange={(value) => setParams({ depth: String(value) })}
            />
            <NetworkLegend />
            {network.data && (
              <Typography
                variant="pi"
                textColor="neutral600"
                paddingBottom={2}
                data-testid="crm-network-counts"
              >
                {formatMessage(
                  {
                    id: 'crm.network.counts',
                    defaultMessage:
                      '{nodes, plural, one {# customer} other {# customers}} · {edges, plural, one {# link} other {# links}}',
                  },
                  { nodes: network.data.nodes.length, edges: network.data.edges.length }
                )}
              </Typography>
            )}
          </Flex>

          {network.isLoading && !network.data && (
            <PageLoader
              label={formatMessage({
                id: 'crm.network.loading',
                defaultMessage: 'Loading the network',
              })}
            />
          )}
          {network.error !== undefined &&
            !network.isLoading &&
            (statusOf(network.error) === 404 ? (
              <Page.NoData
                content={formatMessage(
                  {
                    id: 'crm.overview.noSuchCustomer',
                    defaultMessage: 'No customer has the id {documentId}.',
                  },
                  { documentId }
                )}
              />
            ) : (
              <PageLoadError error={network.error} onRetry={network.reload} />
            ))}
          {network.data && !network.error && (
            <>
              {network.data.truncated && (
                <Alert
                  variant="warning"
                  title={formatMessage({
                    id: 'crm.network.large',
                    defaultMessage: 'Large network',
                  })}
                  closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
                  onClose={() => undefined}
                >
                  {formatMessage(
                    {
                      id: 'crm.network.truncated',
                      defaultMessage: 'Only the nearest {count} customers are shown.',
                    },
                    { count: network.data.nodes.length }
                  )}
                </Alert>
              )}
              {network.data.nodes.length <= 1 && (
                <Typography textColor="neutral600">
                  {formatMessage(
                    {
                      id: 'crm.network.alone',
                      defaultMessage: '{type} {name} has no connections or relationships yet.',
                    },
                    { type: valueLabel(root?.type), name: root?.name ?? '' }
                  )}
                </Typography>
              )}
              <Box
                background="neutral0"
                hasRadius
                shadow="tableShadow"
                padding={2}
                position="relative"
              >
                <NetworkGraph network={network.data} rootId={documentId} onOpen={onOpen} />
                {network.isLoading && (
                  <Box position="absolute" top={4} right={4}>
                    <Loader small>
                      {formatMessage({ id: 'crm.network.updating', defaultMessage: 'Updating' })}
                    </Loader>
                  </Box>
                )}
              </Box>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({
                  id: 'crm.network.help',
                  defaultMessage: 'Click a customer to open it; drag to move, scroll to zoom.',
                })}
              </Typography>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
