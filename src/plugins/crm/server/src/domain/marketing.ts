import { MARKETING_CHANNELS, type MarketingChannel } from '../../../contracts';

/**
 * Marketing lists and what their exports may contain: a contact is left out of a list
 * whose channel it has refused (no email, no calls), when it is inactive, or when it cannot be
 * reached on that channel at all.
 */
export { MARKETING_CHANNELS };
export type { MarketingChannel };

export interface Reachable {
  active: boolean;
  doNotEmail: boolean;
  doNotCall: boolean;
  email: string | null;
  email2?: string | null;
  mobilePhone: string | null;
  mobilePhone2?: string | null;
  workPhone: string | null;
  /** A postal address, for mail lists (the company's primary address). */
  postalAddress?: string | null;
}

export type LeftOutReason =
  | 'inactive'
  | 'does not want emails'
  | 'does not want calls'
  | 'no email address'
  | 'no phone number'
  | 'no postal address';

/** Why a contact may not be exported on a channel, or null when it may. */
export function leftOutReason(contact: Reachable, channel: MarketingChannel): LeftOutReason | null {
  if (!contact.active) return 'inactive';
  switch (channel) {
    case 'email':
      if (contact.doNotEmail) return 'does not want emails';
      return contact.email || contact.email2 ? null : 'no email address';
    case 'phone':
      if (contact.doNotCall) return 'does not want calls';
      return contact.mobilePhone || contact.workPhone || contact.mobilePhone2
        ? null
        : 'no phone number';
    case 'mail':
      return contact.postalAddress ? null : 'no postal address';
  }
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return), even after
 * leading spaces, as a formula; a leading apostrophe makes it text again (OWASP, "CSV injection").
 */
export function neutralizeCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[\s]*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One CSV line, the only way the CRM writes one: every cell neutralised, and quoted when it holds
 * a quote, a line break or a separator a spreadsheet may split on (comma, semicolon in many
 * locales, tab), so a value can never spill into a cell of its own.
 */
export function csvLine(cells: readonly unknown[]): string {
  return cells
    .map(neutralizeCell)
    .map((cell) => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(',');
}

/** The e-mail address a list reaches a contact at: the first one it has. */
export function reachEmail(contact: Pick<Reachable, 'email' | 'email2'>): string | null {
  return contact.email || contact.email2 || null;
}

/** The number a list calls a contact on: mobile, then work, then the second mobile. */
export function reachPhone(
  contact: Pick<Reachable, 'mobilePhone' | 'workPhone' | 'mobilePhone2'>
): string | null {
  return contact.mobilePhone || contact.workPhone || contact.mobilePhone2 || null;
}

/** How many of a list's members there are, how many its export includes, and how many each channel reaches. */
export interface ReachCounts {
  members: number;
  exported: number;
  reachable: Record<MarketingChannel, number>;
}

/**
 * Counts a list's members in one pass, each judged by `leftOutReason` on every channel: the list's
 * own channel gives `exported`, the same count its export makes.
 */
export function reachCounts(members: Iterable<Reachable>, channel: MarketingChannel): ReachCounts {
  const counts: ReachCounts = {
    members: 0,
    exported: 0,
    reachable: Object.fromEntries(MARKETING_CHANNELS.map((each) => [each, 0])) as Record<
      MarketingChannel,
      number
    >,
  };
  for (const member of members) {
    counts.members += 1;
    for (const each of MARKETING_CHANNELS) {
      if (leftOutReason(member, each) === null) counts.reachable[each] += 1;
    }
  }
  counts.exported = counts.reachable[channel];
  return counts;
}
