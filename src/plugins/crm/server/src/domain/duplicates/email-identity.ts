import { isFreeMailDomain } from './free-mail-domains';

/**
 * What an e-mail address says about who owns it: the mailbox it reaches (for matching) and the
 * business domain it belongs to, if any.
 */

/** Providers that ignore dots in the local part and treat googlemail.com as gmail.com. */
const DOTLESS_DOMAINS: Record<string, string> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
};

/**
 * The mailbox an address reaches: lower-case, without a "+tag" (sub-addressing, which the big
 * providers all support), and for Gmail without dots, so "Jane.Doe+crm@googlemail.com" and
 * "janedoe@gmail.com" are one mailbox. Null for what is not an address.
 */
export function mailboxOf(email: string): string | null {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return null;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS[domain];
  if (dotless) {
    domain = dotless;
    local = local.replace(/\./g, '');
  }
  return `${local}@${domain}`;
}

/** The business domain of a mailbox (from mailboxOf), or null for free-mail providers. */
export function businessDomainOf(mailbox: string): string | null {
  const domain = mailbox.slice(mailbox.lastIndexOf('@') + 1);
  return domain && !isFreeMailDomain(domain) ? domain : null;
}
