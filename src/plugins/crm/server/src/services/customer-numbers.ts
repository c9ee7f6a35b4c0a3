import type { Core } from '@strapi/strapi';

import { formatCustomerNumber } from '../domain';
import { createSequenceRepository } from '../repositories/sequences';

const CUSTOMER_SEQUENCE = 'customer';

/**
 * Customer numbers come from a counter row that is only ever incremented, so a number is never
 * handed out twice, even after its customer is deleted. The increment takes the row's write lock
 * until the surrounding transaction ends, which serialises concurrent creates on PostgreSQL; a
 * rolled-back create gives its number back because nobody else could have seen it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sequences = createSequenceRepository(strapi);

  return {
    /**
     * Makes sure a counter row exists (the customer numbers, or a row used only as a lock); safe to
     * run on every start and on several nodes at once.
     */
    ensureSequence: (name: string = CUSTOMER_SEQUENCE) => sequences.ensure(name),

    /** Takes the lock of a counter row until the current transaction ends. */
    async lockSequence(name: string): Promise<void> {
      if (!(await sequences.lock(name)))
        throw new Error(`the ${name} lock row is missing; restart Strapi to create it`);
    },

    /** Reserves `count` consecutive numbers inside the current transaction and returns them. */
    async reserve(count = 1): Promise<string[]> {
      const last = await sequences.increment(CUSTOMER_SEQUENCE, count);
      if (last === null)
        throw new Error('the customer number sequence is missing; restart Strapi to create it');
      return Array.from({ length: count }, (_, i) => formatCustomerNumber(last - count + 1 + i));
    },

    async next(): Promise<string> {
      const [number] = await this.reserve(1);
      return number;
    },
  };
};
