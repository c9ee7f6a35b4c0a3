import { rm } from 'node:fs/promises';

import type { Context, Next } from 'koa';

interface UploadedPart {
  filepath?: unknown;
}

/** The temporary file of every part of a multipart request, whatever its field, one or many per field. */
export const uploadedFilePaths = (ctx: Context): string[] => {
  const files =
    (ctx.request as { files?: Record<string, UploadedPart | UploadedPart[] | undefined> }).files ??
    {};
  return Object.values(files)
    .flatMap((parts) => (Array.isArray(parts) ? parts : [parts]))
    .map((part) => part?.filepath)
    .filter((path): path is string => typeof path === 'string' && path !== '');
};

/**
 * Removes, when a request under one of `prefixes` ends (answered, refused by a policy or failed),
 * every file the body parser wrote for it to the temporary directory. Strapi's body middleware
 * removes only the parts of a field named `files`, so any other part would stay there for good.
 * Registered after the body parser and before the router, so the files are parsed when it runs.
 */
export const removeUploadedFiles =
  (prefixes: readonly string[], warn: (message: string) => void) =>
  async (ctx: Context, next: Next): Promise<void> => {
    if (!prefixes.some((prefix) => ctx.path.startsWith(prefix))) return next();
    try {
      await next();
    } finally {
      await Promise.all(
        uploadedFilePaths(ctx).map((path) =>
          // A file that cannot be removed must not turn the answer into an error.
          rm(path, { force: true }).catch((error: Error) =>
            warn(`[crm] could not remove the uploaded file ${path}: ${error.message}`)
          )
        )
      );
    }
  };
