/** The admin address of a contact on the Contacts page. */
export const contactPath = (documentId: string) => `/plugins/crm/contacts/${documentId}`;
/** The admin address of a marketing list on the Marketing lists page. */
export const marketingListPath = (documentId: string) =>
  `/plugins/crm/marketing-lists/${documentId}`;

/** What a contact action dialog needs to know of its contact. */
export interface ContactRef {
  documentId: string;
  displayName: string;
  email?: string | null;
}
