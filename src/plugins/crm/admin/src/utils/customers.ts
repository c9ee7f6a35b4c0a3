/** How a customer is named on screen: a business by its name, a person by first and last name. */
export const customerLabel = (customer: {
  type?: string | null;
  businessName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  customerNumber?: string | null;
}): string => {
  const name =
    customer.type === 'business' || customer.businessName
      ? customer.businessName ?? ''
      : [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  return name || customer.customerNumber || '(unnamed customer)';
};
