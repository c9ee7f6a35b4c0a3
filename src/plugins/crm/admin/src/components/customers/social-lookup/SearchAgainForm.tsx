import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

interface SearchAgainFormProps {
  searching: boolean;
  onSearch: (email: string) => void;
}

/** Another address to look up; it takes the focus when it opens, as the button that opened it is gone. */
export const SearchAgainForm = ({ searching, onSearch }: SearchAgainFormProps) => {
  const { formatMessage } = useIntl();
  const [email, setEmail] = React.useState('');
  const input = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => input.current?.focus(), []);

  const submit = (event: React.FormEvent) => {
    // A form inside the customer dialog: its submit must not reach the page.
    event.preventDefault();
    event.stopPropagation();
    if (email.trim()) onSearch(email.trim());
  };

  return (
    <form onSubmit={submit} data-testid="crm-social-search-again">
      <Flex gap={2} alignItems="flex-end">
        <Field.Root name="socialEmail" style={{ flex: 1 }}>
          <Field.Label>
            {formatMessage({
              id: 'crm.socialLookup.otherEmail',
              defaultMessage: 'E-mail address to search',
            })}
          </Field.Label>
          <TextInput
            ref={input}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEmail(event.target.value)}
          />
        </Field.Root>
        <Button
          type="submit"
          variant="secondary"
          startIcon={<Search />}
          loading={searching}
          disabled={!email.trim()}
        >
          {formatMessage({ id: 'crm.socialLookup.search', defaultMessage: 'Search' })}
        </Button>
      </Flex>
    </form>
  );
};
