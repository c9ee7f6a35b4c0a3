import type { Core } from '@strapi/strapi';

import {
  DomainValidationError,
  RELATIONSHIP_SIDES,
  assertNoCycle,
  assertNoOtherParent,
  assertNotDuplicateLink,
  validateRelationship,
  type LooseType,
} from '../domain';
import { getService } from '../utils/get-service';
import { RELATIONSHIP_UID } from '../utils/uids';

type Next = () => Promise<unknown>;
type Params = { documentId?: string; data?: Record<string, unknown> };

const SIDE_FIELDS = ['parent', 'child', 'customer', 'linkedCustomer'] as const;
const HIERARCHY_LOCK = 'hierarchy';

/**
 * The single write path for relationships. A cycle can be closed by two links made at
 * the same moment on customers that share no row (a→b and c→d over b→c and d→a), so hierarchical
 * links take one lock for the whole hierarchy; loose links lock their two customers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => getService(strapi, 'network-repository');
  const refs = () => getService(strapi, 'customer-refs');
  const locks = () => getService(strapi, 'customer-locks');

  const lockHierarchy = () => getService(strapi, 'customer-numbers').lockSequence(HIERARCHY_LOCK);

  return {
    HIERARCHY_LOCK,

    async create(params: Params, next: Next) {
      const data = params.data ?? {};
      const kind = data.kind;
      const sides =
        typeof kind === 'string' && kind in RELATIONSHIP_SIDES
          ? RELATIONSHIP_SIDES[kind as 'loose']
          : null;
      const [first, second] = sides
        ? [
            await refs().resolve(data[sides[0]], sides[0]),
            await refs().resolve(data[sides[1]], sides[1]),
          ]
        : [null, null];
      const fields = validateRelationship(data, {
        first: first?.id ?? null,
        second: second?.id ?? null,
      });
      const [firstName, secondName] = RELATIONSHIP_SIDES[fields.kind];
      for (const field of SIDE_FIELDS) {
        if (
          field !== firstName &&
          field !== secondName &&
          data[field] !== undefined &&
          data[field] !== null
        ) {
          throw new DomainValidationError({
            path: [field],
            rule: 'relationship.sides',
            message: `a ${fields.kind} relationship links ${firstName} and ${secondName}, not ${field}`,
          });
        }
      }
      const parentOrCustomer = first!;
      const childOrLinked = second!;

      if (fields.kind === 'hierarchical') {
        await lockHierarchy();
        assertNoOtherParent(await repository().parentOf(childOrLinked.id));
        assertNoCycle(
          childOrLinked.id,
          await repository().ancestorsOf(parentOrCustomer.id),
          parentOrCustomer.id
        );
      } else {
        await locks().lock([parentOrCustomer.id, childOrLinked.id]);
        assertNotDuplicateLink(
          await repository().looseLinkExists(
            parentOrCustomer.id,
            childOrLinked.id,
            fields.type as LooseType
          )
        );
      }

      params.data = {
        ...Object.fromEntries(
          Object.entries(data).filter(([key]) => !(SIDE_FIELDS as readonly string[]).includes(key))
        ),
        ...fields,
        [firstName]: { connect: [{ documentId: parentOrCustomer.documentId }] },
        [secondName]: { connect: [{ documentId: childOrLinked.documentId }] },
      };
      return next();
    },

    /** Only a loose link's type can change; anything else is a new relationship. */
    async update(params: Params, next: Next) {
      const current = params.documentId
        ? await strapi.db.query(RELATIONSHIP_UID).findOne({
            where: { documentId: params.documentId },
            populate: { customer: { select: ['id'] }, linkedCustomer: { select: ['id'] } },
          })
        : null;
      if (!current) return next();
      const data = params.data ?? {};
      const changesShape =
        (data.kind !== undefined && data.kind !== current.kind) ||
        SIDE_FIELDS.some((field) => data[field] !== undefined && readsAsChange(data[field]));
      if (changesShape) {
        throw new DomainValidationError({
          path: ['kind'],
          rule: 'relationship.sides',
          message:
            "a relationship's kind and customers cannot be changed; remove it and add the right one",
        });
      }
      for (const field of [...SIDE_FIELDS, 'kind']) delete data[field];
      const fields = validateRelationship(
        { kind: current.kind, type: current.type, ...data },
        {
          first: current.kind === 'loose' ? (current.customer?.id ?? null) : 1,
          second: current.kind === 'loose' ? (current.linkedCustomer?.id ?? null) : 2,
        }
      );
      if (fields.kind === 'loose' && fields.type !== current.type) {
        await locks().lock([current.customer.id, current.linkedCustomer.id]);
        assertNotDuplicateLink(
          await repository().looseLinkExists(
            current.customer.id,
            current.linkedCustomer.id,
            fields.type as LooseType,
            current.id
          )
        );
      }
      params.data = { ...data, type: fields.type };
      return next();
    },

    delete: (_params: Params, next: Next) => next(),
  };
};

/** `{ connect: [], disconnect: [] }` is how the content manager says "unchanged". */
const readsAsChange = (value: unknown) => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.values(value).some((list) => Array.isArray(list) && list.length > 0);
  }
  return true;
};
