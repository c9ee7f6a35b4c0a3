/** The CRM types the content manager's extensions attach to. */
export const CONTACT_UID = 'plugin::crm.contact';
export const CUSTOMER_UID = 'plugin::crm.customer';

/** A stored document is open (not the create form, where there is nothing to act on yet). */
export const isStored = (documentId: string | undefined): documentId is string =>
  Boolean(documentId) && documentId !== 'create';

/** A contact's name as the content manager's document holds it. */
export const contactName = (document: Record<string, unknown> | undefined): string =>
  [document?.firstName, document?.lastName]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ');

/** The admin address of the Marketing lists page, where lists are created. */
export const marketingListsPath = '/plugins/crm/marketing-lists';
