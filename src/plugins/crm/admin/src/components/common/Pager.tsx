import { Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

interface PagerProps {
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
  /** Said between the buttons instead of "Page 1 of 3". */
  label?: string;
  size?: 'S' | 'M';
}

/** Previous and next buttons around "Page 1 of 3"; nothing when everything fits on one page. */
export const Pager = ({ page, pageCount, onChange, label, size }: PagerProps) => {
  const { formatMessage } = useIntl();
  if (pageCount <= 1) return null;
  return (
    <Flex gap={2} justifyContent="flex-end" alignItems="center">
      <Button
        variant="tertiary"
        size={size}
        disabled={page <= 1}
        onClick={() => onChange(page - 1)}
      >
        {formatMessage({ id: 'crm.common.previous', defaultMessage: 'Previous' })}
      </Button>
      <Typography variant="pi">
        {label ??
          formatMessage(
            { id: 'crm.common.pageOf', defaultMessage: 'Page {page} of {pageCount}' },
            { page, pageCount }
          )}
      </Typography>
      <Button
        variant="tertiary"
        size={size}
        disabled={page >= pageCount}
        onClick={() => onChange(page + 1)}
      >
        {formatMessage({ id: 'crm.common.next', defaultMessage: 'Next' })}
      </Button>
    </Flex>
  );
};
