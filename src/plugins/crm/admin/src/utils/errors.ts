/**
 * The message to show for a failed request: the server's own `error.message` (Strapi's
 * `{ error: { status, name, message } }` answer, as `useFetchClient` raises it), else the error's.
 */
export const getErrorMessage = (error: unknown, fallback = 'Something went wrong'): string => {
  if (error && typeof error === 'object') {
    const { response, message } = error as { response?: { data?: { error?: { message?: unknown } } }; message?: unknown };
    const serverMessage = response?.data?.error?.message;
    if (typeof serverMessage === 'string' && serverMessage) return serverMessage;
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
};

/** The HTTP status of a failed request, when the error carries one. */
export const getErrorStatus = (error: unknown): number | undefined => {
  if (!error || typeof error !== 'object') return undefined;
  const { status, response } = error as { status?: unknown; response?: { data?: { error?: { status?: unknown } } } };
  if (typeof status === 'number') return status;
  const nested = response?.data?.error?.status;
  return typeof nested === 'number' ? nested : undefined;
};
