import type { Context, Next } from 'koa';

import { withErrorBoundary } from '../utils/errors';

/** Wraps the guard and the action of every CRM route in the one error boundary (`utils/errors.ts`). */
export default () => (ctx: Context, next: Next) => withErrorBoundary(ctx, next);
