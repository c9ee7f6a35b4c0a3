/**
 * Mail providers anyone can sign up with, and Internet providers' mailboxes: an address there says
 * nothing about a business, so its domain never ties two records together.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // International
  'gmail.com',
  'googlemail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aim.com',
  'msn.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'fastmail.fm',
  'hushmail.com',
  'zoho.com',
  'zohomail.com',
  'mail.com',
  'email.com',
  'inbox.com',
  'ymail.com',
  'rocketmail.com',
  'hey.com',
  'mailbox.org',
  'posteo.de',
  'posteo.net',
  // North America
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'charter.net',
  'cox.net',
  'earthlink.net',
  'juno.com',
  'netzero.net',
  'optonline.net',
  'frontier.com',
  'windstream.net',
  'shaw.ca',
  'rogers.com',
  'sympatico.ca',
  'videotron.ca',
  'telus.net',
  // United Kingdom and Ireland
  'btinternet.com',
  'btopenworld.com',
  'sky.com',
  'talktalk.net',
  'virginmedia.com',
  'ntlworld.com',
  'blueyonder.co.uk',
  'tiscali.co.uk',
  'eircom.net',
  // France and Belgium
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'bbox.fr',
  'numericable.fr',
  'club-internet.fr',
  'skynet.be',
  'telenet.be',
  // German-speaking countries
  'web.de',
  't-online.de',
  'freenet.de',
  'arcor.de',
  'online.de',
  'vodafone.de',
  'bluewin.ch',
  'hispeed.ch',
  'chello.at',
  'aon.at',
  // Italy, Spain, Portugal, Netherlands, Nordics
  'libero.it',
  'virgilio.it',
  'alice.it',
  'tin.it',
  'tiscali.it',
  'fastwebnet.it',
  'email.it',
  'telefonica.net',
  'terra.es',
  'sapo.pt',
  'ziggo.nl',
  'kpnmail.nl',
  'planet.nl',
  'home.nl',
  'telia.com',
  'online.no',
  'seznam.cz',
  'centrum.cz',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  // Elsewhere
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'rambler.ru',
  'ukr.net',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'bigpond.com',
  'optusnet.com.au',
  'xtra.co.nz',
]);

/**
 * Providers present under many country domains (yahoo.co.uk, hotmail.fr, gmx.net, outlook.de):
 * any domain made of one of these names and a short public suffix is free mail.
 */
const FREE_MAIL_BRANDS: ReadonlySet<string> = new Set([
  'yahoo',
  'hotmail',
  'outlook',
  'live',
  'windowslive',
  'gmx',
  'aol',
  'yandex',
  'zoho',
  'tiscali',
]);

/** Labels of a public suffix after a brand: "com", "co", "uk", "de", "net"… (three letters or fewer). */
const isSuffixLabel = (label: string) => label.length >= 2 && label.length <= 3;

/** Whether an e-mail domain (lower-case) belongs to a free or Internet-provider mail service. */
export function isFreeMailDomain(domain: string): boolean {
  if (FREE_MAIL_DOMAINS.has(domain)) return true;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.length > 3 || !FREE_MAIL_BRANDS.has(labels[0])) return false;
  return labels.slice(1).every(isSuffixLabel);
}
