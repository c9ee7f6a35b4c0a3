import { Flex, LinkButton } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useLocation } from 'react-router-dom';

import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';

const BASE = `/plugins/${PLUGIN_ID}`;

/**
 * The CRM pages side by side: customers, contacts, marketing lists, past imports, duplicates, the
 * erasure list.
 */
export const CrmNav = () => {
  const { formatMessage } = useIntl();
  const { pathname } = useLocation();
  const { allowedActions } = useRBAC([...PERMISSIONS.import, ...PERMISSIONS.personalData]);
  const links = [
    {
      to: BASE,
      label: formatMessage({ id: 'crm.nav.customers', defaultMessage: 'Customers' }),
      current: /\/plugins\/crm\/?(customers(\/.*)?)?$/.test(pathname),
    },
    {
      to: `${BASE}/contacts`,
      label: formatMessage({ id: 'crm.nav.contacts', defaultMessage: 'Contacts' }),
      current: pathname.includes(`${BASE}/contacts`),
    },
    {
      to: `${BASE}/marketing-lists`,
      label: formatMessage({ id: 'crm.nav.marketingLists', defaultMessage: 'Marketing lists' }),
      current: pathname.includes(`${BASE}/marketing-lists`),
    },
    ...(allowedActions.canImport
      ? [
          {
            to: `${BASE}/imports/history`,
            label: formatMessage({ id: 'crm.nav.imports', defaultMessage: 'Past imports' }),
            current: pathname.includes(`${BASE}/imports/history`),
          },
        ]
      : []),
    {
      to: `${BASE}/duplicates`,
      label: formatMessage({ id: 'crm.nav.duplicates', defaultMessage: 'Duplicates' }),
      current: pathname.includes(`${BASE}/duplicates`),
    },
    ...(allowedActions.canPersonalData
      ? [
          {
            to: `${BASE}/erasures`,
            label: formatMessage({ id: 'crm.nav.erasures', defaultMessage: 'Erasure list' }),
            current: pathname.includes(`${BASE}/erasures`),
          },
        ]
      : []),
  ];
  return (
    <nav aria-label={formatMessage({ id: 'crm.nav.label', defaultMessage: 'CRM pages' })}>
      <Flex gap={2} wrap="wrap" paddingBottom={4}>
        {links.map((link) => (
          <LinkButton
            key={link.to}
            tag={RouterLink}
            to={link.to}
            size="S"
            variant={link.current ? 'secondary' : 'tertiary'}
            aria-current={link.current ? 'page' : undefined}
          >
            {link.label}
          </LinkButton>
        ))}
      </Flex>
    </nav>
  );
};
