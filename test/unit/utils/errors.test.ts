import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';

import { DomainValidationError } from '../../../src/plugins/crm/server/src/domain';
import { conflict, withErrorBoundary } from '../../../src/plugins/crm/server/src/utils/errors';
import { parseBody } from '../../../src/plugins/crm/server/src/validation/parse';

const fakeContext = () => {
  const answered: string[] = [];
  return {
    ctx: { conflict: (message: string) => answered.push(message) } as unknown as Context,
    answered,
  };
};
const failing = (error: unknown) => async () => {
  throw error;
};

describe('the error boundary of CRM routes', () => {
  it('turns a broken domain rule into a 400 naming the rule and the field', async () => {
    const { ctx } = fakeContext();
    const broken = new DomainValidationError({
      path: ['firstName'],
      rule: 'customer.name',
      message: 'firstName is required',
    });
    const thrown = (await withErrorBoundary(ctx, failing(broken)).catch(
      (error) => error
    )) as errors.ValidationError;
    expect(thrown).toBeInstanceOf(errors.ValidationError);
    expect(thrown.message).toBe('firstName is required');
    expect(thrown.details).toEqual({
      errors: [
        {
          path: ['firstName'],
          message: 'firstName is required',
          name: 'ValidationError',
          rule: 'customer.name',
        },
      ],
    });
  });

  it('turns a zod error into the same 400 as parseBody', async () => {
    const schema = z.object({ depth: z.number() });
    const parsed = schema.safeParse({ depth: 'x' });
    if (parsed.success) throw new Error('expected a mismatch');
    const { ctx } = fakeContext();
    const thrown = (await withErrorBoundary(ctx, failing(parsed.error)).catch(
      (error) => error
    )) as errors.ValidationError;
    let fromParse: unknown;
    try {
      parseBody(schema, { depth: 'x' });
    } catch (error) {
      fromParse = error;
    }
    expect(thrown).toBeInstanceOf(errors.ValidationError);
    expect(thrown.message).toBe('depth: Expected number, received string');
    expect({ message: thrown.message, details: thrown.details }).toEqual({
      message: (fromParse as Error).message,
      details: (fromParse as { details: unknown }).details,
    });
  });

  it("answers a conflict with Strapi's 409 and lets Strapi's own errors through unchanged", async () => {
    const { ctx, answered } = fakeContext();
    await withErrorBoundary(ctx, failing(conflict('this contact already has a login')));
    expect(answered).toEqual(['this contact already has a login']);
    const notFound = new errors.NotFoundError('customer not found');
    await expect(withErrorBoundary(ctx, failing(notFound))).rejects.toBe(notFound);
    await expect(withErrorBoundary(ctx, async () => 'value')).resolves.toBe('value');
  });
});
