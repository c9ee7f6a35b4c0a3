import type { Core } from '@strapi/strapi';

import { DomainValidationError, validateComment } from '../domain';
import { currentActor, type Actor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { readToOneChange } from '../utils/relations';
import { ACTIVITY_UID } from '../utils/uids';

type Next = () => Promise<unknown>;
type Params = { documentId?: string; data?: Record<string, unknown> };

const AUTHOR_FIELDS = { authorType: 'type', authorId: 'id', authorName: 'name' } as const;

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

const authorIssue = (message: string) =>
  new DomainValidationError({ path: ['author'], rule: 'activity.author', message });

/**
 * The write path of activity entries through the document service (the content manager, other
 * plugins): whoever writes an entry is its author, and nobody can change an entry's author
 * afterwards. Comments posted through the CRM's own route are authored the same way.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(params: Params, next: Next) {
    const data = { ...(params.data ?? {}) };
    const author: Actor = currentActor(strapi);
    for (const [field, key] of Object.entries(AUTHOR_FIELDS)) {
      if (given(data[field]) && String(data[field]) !== String(author[key] ?? '')) {
        throw authorIssue(
          `the author of an activity entry is whoever writes it (${author.name ?? author.type}); ${field} cannot be given`
        );
      }
    }
    const contact = readToOneChange(data.contact);
    if (contact.kind !== 'set') {
      throw new DomainValidationError({
        path: ['contact'],
        rule: 'activity.contact',
        message: 'an activity entry belongs to a contact',
      });
    }
    data.body = validateComment(data.body);
    params.data = {
      ...data,
      authorType: author.type,
      authorId: author.id,
      authorName: author.name,
    };
    return next();
  },

  async update(params: Params, next: Next) {
    const data = { ...(params.data ?? {}) };
    const current = params.documentId
      ? await strapi.db.query(ACTIVITY_UID).findOne({
          where: { documentId: params.documentId },
          select: ['id', ...Object.keys(AUTHOR_FIELDS)],
        })
      : null;
    if (!current) return next();
    await getService(strapi, 'customer-locks').lockRows(ACTIVITY_UID, [current.id]);
    for (const field of Object.keys(AUTHOR_FIELDS)) {
      if (field in data && String(data[field] ?? '') !== String(current[field] ?? '')) {
        throw authorIssue(`an activity entry's author cannot be changed (${field})`);
      }
      delete data[field];
    }
    if ('body' in data) data.body = validateComment(data.body);
    if (readToOneChange(data.contact).kind === 'clear') {
      throw new DomainValidationError({
        path: ['contact'],
        rule: 'activity.contact',
        message: 'an activity entry belongs to a contact',
      });
    }
    params.data = data;
    return next();
  },

  async delete(_params: Params, next: Next) {
    return next();
  },
});
