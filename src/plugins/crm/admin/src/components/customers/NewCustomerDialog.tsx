import { Alert, Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import {
  CONTACT_POINT_KINDS,
  type CrmSettings,
  type Customer,
  type DuplicateCandidate,
} from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { detailsOf, fieldErrorsOf, pathKey, statusOf } from '../../utils/serverErrors';
import { CandidateList } from '../duplicates/CandidateList';
import { ContactPointRows } from './ContactPointRows';
import { customerName } from './model';
import { emptyDraft, errorsOnScreen, toRequest, type Draft } from './new-customer/draft';
import { IdentitySection } from './new-customer/IdentitySection';
import { PreferencesSection } from './new-customer/PreferencesSection';
import { useDuplicateCheck } from './new-customer/useDuplicateCheck';

export type Next = 'view' | 'continue';

interface NewCustomerDialogProps {
  open: boolean;
  settings: CrmSettings;
  onClose: () => void;
  /**
   * After a save: `view` opens the new customer, `continue` stays on the search page;
   * `withEmail` says whether it was saved with an e-mail address (one a lookup can search).
   */
  onCreated: (customer: Customer, next: Next, saved: { withEmail: boolean }) => void;
}

/**
 * The "New customer" dialog: one save creates the customer and all its addresses, phones
 * and emails. The server applies every rule; its messages are shown beside the fields they name.
 * While it is filled in, the customers it may already be are shown under the form; a create the
 * server refuses as a likely duplicate (when it is set to block them) lists them with "Create anyway".
 */
export const NewCustomerDialog = ({
  open,
  settings,
  onClose,
  onCreated,
}: NewCustomerDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess, toggleNotification } = useRequestErrors();
  const [draft, setDraft] = React.useState<Draft>(() => emptyDraft(settings));
  const [errors, setErrors] = React.useState<{ message?: string; fields: Record<string, string> }>({
    fields: {},
  });
  const [saving, setSaving] = React.useState(false);
  /** The duplicates a refused create named, and the button that was pressed. */
  const [blocked, setBlocked] = React.useState<{
    duplicates: DuplicateCandidate[];
    next: Next;
  } | null>(null);
  const possibleDuplicates = useDuplicateCheck(draft, open);

  React.useEffect(() => {
    if (open) {
      setDraft(emptyDraft(settings));
      setErrors({ fields: {} });
      setBlocked(null);
    }
  }, [open, settings]);

  const limits = settings.limits[draft.type];
  const errorAt = (path: (string | number)[]) => errors.fields[pathKey(path)];

  const save = async (next: Next, allowDuplicate = false) => {
    const { data, rowOfSent } = toRequest(draft);
    setSaving(true);
    try {
      const created = await api.createCustomer(data, { allowDuplicate });
      const { customer } = created;
      notifySuccess(
        formatMessage(
          { id: 'crm.newCustomer.created', defaultMessage: 'Customer {number} ({name}) created' },
          { number: customer.customerNumber, name: customerName(customer) }
        )
      );
      const similar = created.possibleDuplicates.filter((candidate) => candidate.customer);
      if (similar.length > 0 && !allowDuplicate)
        toggleNotification({
          type: 'warning',
          title: formatMessage({
            id: 'crm.newCustomer.mayDuplicate',
            defaultMessage: 'It may already have existed',
          }),
          message: formatMessage(
            {
              id: 'crm.newCustomer.mayDuplicateList',
              defaultMessage: 'Possible duplicates: {list}. See them on its overview.',
            },
            {
              list: similar
                .map(({ customer: other }) => `${other!.name} (${other!.customerNumber ?? '—'})`)
                .join(', '),
            }
          ),
        });
      setBlocked(null);
      onCreated(customer, next, {
        withEmail: Array.isArray(data.emails) && data.emails.length > 0,
      });
    } catch (failure) {
      const duplicates = detailsOf<{ duplicates: DuplicateCandidate[] }>(failure).duplicates;
      if (statusOf(failure) === 409 && Array.isArray(duplicates) && duplicates.length > 0) {
        setErrors({ fields: {} });
        setBlocked({ duplicates, next });
        return;
      }
      const message = messageOf(failure);
      setErrors({ message, fields: errorsOnScreen(fieldErrorsOf(failure), rowOfSent) });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ maxWidth: '96rem', width: '90vw' }}>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {formatMessage({ id: 'crm.newCustomer.title', defaultMessage: 'New customer' })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {errors.message && (
              <Alert
                variant="danger"
                title={formatMessage({ id: 'crm.common.notSaved', defaultMessage: 'Not saved' })}
                closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
                onClose={() => setErrors((current) => ({ ...current, message: undefined }))}
              >
                {errors.message}
              </Alert>
            )}
            <Box padding={4} hasRadius borderColor="neutral200">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <IdentitySection draft={draft} setDraft={setDraft} errorAt={errorAt} />
                <PreferencesSection draft={draft} setDraft={setDraft} errorAt={errorAt} />
              </Flex>
            </Box>
            {CONTACT_POINT_KINDS.map((kind) => (
              <ContactPointRows
                key={kind}
                kind={kind}
                rows={draft.points[kind]}
                types={settings.contactPointTypes[kind]}
                limit={limits[kind]}
                onePerType={limits.onePerType}
                errorAt={errorAt}
                onChange={(rows) =>
                  setDraft((current) => ({
                    ...current,
                    points: { ...current.points, [kind]: rows },
                  }))
                }
              />
            ))}
            {blocked ? (
              <Box
                padding={4}
                hasRadius
                background="danger100"
                borderColor="danger200"
                data-testid="crm-new-customer-blocked"
              >
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography fontWeight="bold" textColor="danger700">
                    {formatMessage({
                      id: 'crm.newCustomer.blocked',
                      defaultMessage:
                        'Not saved: this customer looks like one that already exists. Open it, or create it anyway.',
                    })}
                  </Typography>
                  <CandidateList candidates={blocked.duplicates} />
                  <Flex>
                    <Button
                      variant="danger-light"
                      loading={saving}
                      onClick={() => void save(blocked.next, true)}
                      type="button"
                    >
                      {formatMessage({
                        id: 'crm.newCustomer.createAnyway',
                        defaultMessage: 'Create anyway',
                      })}
                    </Button>
                  </Flex>
                </Flex>
              </Box>
            ) : possibleDuplicates.length > 0 ? (
              <Box
                padding={4}
                hasRadius
                background="warning100"
                borderColor="warning200"
                data-testid="crm-new-customer-duplicates"
                aria-live="polite"
              >
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography fontWeight="bold" textColor="neutral800">
                    {formatMessage({
                      id: 'crm.newCustomer.mayExist',
                      defaultMessage: 'This customer may already exist:',
                    })}
                  </Typography>
                  <CandidateList candidates={possibleDuplicates} />
                </Flex>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Flex gap={2}>
            <Button
              variant="secondary"
              loading={saving}
              onClick={() => void save('continue')}
              type="button"
            >
              {formatMessage({
                id: 'crm.newCustomer.saveAndContinue',
                defaultMessage: 'Save and continue',
              })}
            </Button>
            <Button loading={saving} onClick={() => void save('view')} type="button">
              {formatMessage({
                id: 'crm.newCustomer.saveAndView',
                defaultMessage: 'Save and view customer',
              })}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
