import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../contracts';
import { customerName } from './model';

interface SocialProfilesCardProps {
  customer: Customer;
  /** Opens the lookup; absent when the lookup is off or the admin may not write. */
  onFind?: () => void;
}

/**
 * The customer's profile image and social profile links (read-only), and the button that looks up
 * public profiles of its e-mail addresses. Not shown when there is neither anything to show nor a
 * lookup to offer.
 */
export const SocialProfilesCard = ({ customer, onFind }: SocialProfilesCardProps) => {
  const { formatMessage } = useIntl();
  const profiles = customer.socialProfiles ?? [];
  if (!customer.avatarUrl && profiles.length === 0 && !onFind) return null;

  return (
    <Box
      padding={6}
      hasRadius
      background="neutral0"
      shadow="tableShadow"
      data-testid="crm-social-profiles"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={2}>
          <Typography variant="delta" tag="h2">
            {formatMessage({
              id: 'crm.socialProfiles.title',
              defaultMessage: 'Social profiles',
            })}
          </Typography>
          {onFind && (
            <Button variant="secondary" startIcon={<Search />} onClick={onFind}>
              {formatMessage({
                id: 'crm.socialProfiles.find',
                defaultMessage: 'Find social profiles',
              })}
            </Button>
          )}
        </Flex>
        <Flex gap={6} alignItems="flex-start" wrap="wrap">
          {customer.avatarUrl && (
            <img
              src={customer.avatarUrl}
              alt={formatMessage(
                { id: 'crm.socialProfiles.avatarAlt', defaultMessage: 'Picture of {name}' },
                { name: customerName(customer) }
              )}
              width={96}
              height={96}
              style={{ borderRadius: '50%', objectFit: 'cover' }}
              data-testid="crm-customer-avatar"
            />
          )}
          {profiles.length > 0 ? (
            <ul
              aria-label={formatMessage({
                id: 'crm.socialProfiles.links',
                defaultMessage: 'Social profile links',
              })}
            >
              {profiles.map((profile) => (
                <li key={`${profile.service}-${profile.url}`}>
                  <Flex gap={2} paddingBottom={1}>
                    <Typography fontWeight="semiBold">{profile.service}</Typography>
                    <Link href={profile.url} isExternal>
                      {profile.username ?? profile.url}
                    </Link>
                  </Flex>
                </li>
              ))}
            </ul>
          ) : (
            !customer.avatarUrl && (
              <Typography textColor="neutral600">
                {formatMessage({
                  id: 'crm.socialProfiles.none',
                  defaultMessage: 'No social profile taken yet.',
                })}
              </Typography>
            )
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
