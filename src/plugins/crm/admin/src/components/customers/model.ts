import type { Address, Customer } from '../../../../contracts';

/** `non_binary` → `Non binary`: how a stored value reads when it has no message of its own. */
export const humanize = (value?: string | null) =>
  value ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : '';

export const customerName = (
  customer: Pick<
    Customer,
    'type' | 'firstName' | 'middleName' | 'lastName' | 'businessName' | 'customerNumber'
  >
) =>
  (customer.type === 'business'
    ? customer.businessName
    : [customer.firstName, customer.middleName, customer.lastName].filter(Boolean).join(' ')) ||
  customer.customerNumber;

export const primaryOf = <T extends { isPrimary: boolean }>(points?: T[]) =>
  points?.find((point) => point.isPrimary) ?? points?.[0];

export const formatAddress = (address: Address) =>
  [
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    address.country,
  ]
    .filter(Boolean)
    .join(', ');

/** `+14155552671` → `+1 415 555 2671` for North American numbers; others as stored. */
export const formatPhone = (number: string) => {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : number;
};

/** Addresses of the plugin's pages, under /admin. */
export const customerPath = (documentId: string) => `/plugins/crm/customers/${documentId}`;
export const networkPath = (documentId: string) => `/plugins/crm/customers/${documentId}/network`;
