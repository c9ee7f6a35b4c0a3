import { Button, Flex, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';

interface SsnFieldProps {
  customerId: string;
  masked: string | null | undefined;
  canReveal: boolean;
  /** The configured reveal window, used when the browser's clock disagrees with the server's expiry. */
  revealSeconds?: number;
}

/**
 * The SSN as everyone sees it (`***-**-1234`); admins holding the reveal action may show the number,
 * which the server audits and which is masked again when the server's `expiresAt` passes.
 */
export const SsnField = ({ customerId, masked, canReveal, revealSeconds = 60 }: SsnFieldProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError, toggleNotification } = useRequestErrors();
  const [revealed, setRevealed] = React.useState<{ ssn: string; until: number } | null>(null);
  const [now, setNow] = React.useState(Date.now());
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!revealed) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= revealed.until) setRevealed(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [revealed]);

  React.useEffect(() => setRevealed(null), [customerId]);

  const reveal = async () => {
    setBusy(true);
    try {
      const { ssn, expiresAt } = await api.revealSsn(customerId);
      if (!ssn) {
        toggleNotification({
          type: 'info',
          message: formatMessage({
            id: 'crm.ssn.none',
            defaultMessage: 'This customer has no SSN on file',
          }),
        });
        return;
      }
      const window = revealSeconds * 1000;
      const remaining = new Date(expiresAt).getTime() - Date.now();
      const until = Date.now() + (remaining > 0 && remaining <= window ? remaining : window);
      setNow(Date.now());
      setRevealed({ ssn, until });
    } catch (failure) {
      notifyError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (!masked) return <Typography data-testid="crm-ssn">—</Typography>;
  const secondsLeft = revealed ? Math.max(0, Math.ceil((revealed.until - now) / 1000)) : 0;
  return (
    <Flex gap={2} alignItems="center">
      <Typography
        data-testid="crm-ssn"
        data-revealed={revealed ? 'true' : 'false'}
        fontWeight={revealed ? 'bold' : undefined}
      >
        {revealed ? revealed.ssn : masked}
      </Typography>
      {revealed && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: 'crm.ssn.maskedAgainIn', defaultMessage: 'masked again in {seconds} s' },
            { seconds: secondsLeft }
          )}
        </Typography>
      )}
      {canReveal && !revealed && (
        <Button
          size="S"
          variant="tertiary"
          startIcon={<Eye />}
          loading={busy}
          onClick={() => void reveal()}
        >
          {formatMessage({ id: 'crm.ssn.reveal', defaultMessage: 'Reveal' })}
        </Button>
      )}
    </Flex>
  );
};
