import { Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { MarketingListForm } from '../../content-manager/MarketingListForm';

interface AddToListDialogProps {
  open: boolean;
  /** The contacts to add (documentIds). */
  contactIds: string[];
  onClose: () => void;
  /** After they were added. */
  onAdded?: () => void;
}

/** Add to marketing list on the Contacts page: the content manager's list picker in a modal. */
export const AddToListDialog = ({ open, contactIds, onClose, onAdded }: AddToListDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {formatMessage({
              id: 'crm.contacts.addToList',
              defaultMessage: 'Add to marketing list',
            })}
          </Modal.Title>
        </Modal.Header>
        {open && <MarketingListForm contacts={contactIds} onClose={onClose} onAdded={onAdded} />}
      </Modal.Content>
    </Modal.Root>
  );
};
