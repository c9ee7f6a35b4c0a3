import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { User } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import { useCrmApi } from '../api';
import { customerPath } from '../components/customers/model';
import { useRequestErrors } from '../hooks/useRequestErrors';
import { CONTACT_UID, contactName, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/**
 * Contact edit view: "Convert to customer", for admins holding `contacts.convert`. Once confirmed,
 * the new customer's CRM overview opens.
 */
export const ConvertContactAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { canConvert } = useCrmActions();
  const api = useCrmApi();
  const navigate = useNavigate();
  const { notifyError, notifySuccess } = useRequestErrors();
  const name = contactName(document);

  if (model !== CONTACT_UID || !isStored(documentId) || !canConvert) return null;

  const convert = async () => {
    try {
      const customer = await api.contacts.convert(documentId);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.cm.convert.done',
            defaultMessage: '{name} is now customer {number}',
          },
          { name, number: customer.customerNumber }
        )
      );
      navigate(customerPath(customer.documentId));
    } catch (failure) {
      notifyError(failure);
    }
  };

  return {
    label: formatMessage({ id: 'crm.cm.convert.label', defaultMessage: 'Convert to customer' }),
    icon: <User />,
    position: 'panel',
    dialog: {
      type: 'dialog',
      title: formatMessage({
        id: 'crm.cm.convert.title',
        defaultMessage: 'Convert to customer',
      }),
      content: formatMessage(
        {
          id: 'crm.cm.convert.confirm',
          defaultMessage:
            'Create an individual customer from {name}, connected to the company as an employee? The contact stays and is linked to the new customer.',
        },
        { name }
      ),
      confirmLabel: formatMessage({ id: 'crm.cm.convert.submit', defaultMessage: 'Convert' }),
      onConfirm: convert,
    },
  };
};
