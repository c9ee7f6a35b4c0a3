import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS, errors } from '@strapi/utils';

type BodyParseError = Error & {
  status?: number;
  statusCode?: number;
  httpCode?: number;
  errno?: number;
};

/**
 * A body the parser cannot read is the client's mistake: a multipart body without its boundary or
 * cut short, a form it cannot decode. The JSON parser already tags its errors with a 4xx status;
 * the multipart parser does not, so its errors would reach Strapi as 500s. Errors of the server
 * itself (a full disk, a temp directory it may not write) keep their 500.
 */
const refuseUnreadableBody = (error: BodyParseError) => {
  if (typeof error.errno === 'number') throw error;
  const status = error.status ?? error.statusCode ?? error.httpCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // Keeps the parser's message: Strapi answers an oversized file by it.
    throw Object.assign(error, { status, expose: true });
  }
  throw new errors.ValidationError(`the request body could not be read: ${error.message}`);
};

/**
 * Where the avatars of a social profile lookup come from, shown in the admin panel: Gravatar's
 * image hosts, and the origin of the Gravatar API the app is pointed at (a proxy or a stand-in
 * serves its images itself).
 */
const avatarSources = (gravatarUrl: string | undefined): string[] => {
  const sources = ['https://gravatar.com', 'https://*.gravatar.com'];
  if (gravatarUrl && URL.canParse(gravatarUrl)) sources.push(new URL(gravatarUrl).origin);
  return sources;
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // The CRM's: requests are let in one per turn of the event loop, in their order of arrival, so
  // none waits behind a burst of others (see the plugin's middlewares/fair-admission.ts).
  'plugin::crm.fair-admission',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // Strapi's own image sources, then the avatars'.
          'img-src': [...CSP_DEFAULTS['img-src'], ...avatarSources(env('CRM_SOCIAL_GRAVATAR_URL'))],
        },
      },
    },
  },
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  { name: 'strapi::body', config: { onError: refuseUnreadableBody } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
