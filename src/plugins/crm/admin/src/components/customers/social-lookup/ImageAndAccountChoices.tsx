import { Checkbox, Flex, Link, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { FoundProfile } from '../../../api/social-lookup';

interface ImageAndAccountChoicesProps {
  profile: FoundProfile;
  /** Whose profile it is, for the image's alternative text. */
  name: string;
  avatar: boolean;
  accounts: number[];
  onAvatar: (checked: boolean) => void;
  onAccount: (index: number, checked: boolean) => void;
  errors: Record<string, string>;
}

/** The profile image and each social account of a found profile, each with a tick box to take it. */
export const ImageAndAccountChoices = ({
  profile,
  name,
  avatar,
  accounts,
  onAvatar,
  onAccount,
  errors,
}: ImageAndAccountChoicesProps) => {
  const { formatMessage } = useIntl();
  const alt = formatMessage(
    { id: 'crm.socialLookup.avatarAlt', defaultMessage: 'Profile image of {name}' },
    { name }
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {profile.avatarUrl && (
        <Flex direction="column" alignItems="flex-start" gap={2} data-testid="crm-social-avatar">
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            {formatMessage({ id: 'crm.socialLookup.images', defaultMessage: 'Profile image' })}
          </Typography>
          <Flex gap={3} alignItems="center">
            <img
              src={profile.avatarUrl}
              alt={alt}
              width={64}
              height={64}
              style={{ borderRadius: '50%', objectFit: 'cover' }}
            />
            <Checkbox
              name="social-avatar"
              checked={avatar}
              onCheckedChange={(checked: boolean | 'indeterminate') => onAvatar(checked === true)}
            >
              {formatMessage({
                id: 'crm.socialLookup.takeAvatar',
                defaultMessage: 'Take this profile image',
              })}
            </Checkbox>
          </Flex>
          {errors.avatarUrl && (
            <Typography variant="pi" textColor="danger600" tag="p">
              {errors.avatarUrl}
            </Typography>
          )}
        </Flex>
      )}
      {profile.accounts.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="crm-social-accounts">
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            {formatMessage({ id: 'crm.socialLookup.accounts', defaultMessage: 'Social accounts' })}
          </Typography>
          {profile.accounts.map((account, index) => (
            <Flex key={`${account.service}-${account.url}`} gap={3} alignItems="center">
              <Checkbox
                name={`social-account-${index}`}
                checked={accounts.includes(index)}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  onAccount(index, checked === true)
                }
              >
                {formatMessage(
                  {
                    id: 'crm.socialLookup.takeAccount',
                    defaultMessage: 'Take {service} account',
                  },
                  { service: account.service }
                )}
              </Checkbox>
              <Link href={account.url} isExternal>
                {account.username ?? account.url}
              </Link>
            </Flex>
          ))}
          {errors.socialProfiles && (
            <Typography variant="pi" textColor="danger600" tag="p">
              {errors.socialProfiles}
            </Typography>
          )}
        </Flex>
      )}
    </Flex>
  );
};
