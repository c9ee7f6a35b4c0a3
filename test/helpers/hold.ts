import type { TestApp } from './strapi';

/**
 * Holds the next call of a plugin service's method until `release()`, so that a second request can
 * be sent while the first is inside its stage change; `entered` resolves once the call is held.
 */
export const hold = (app: TestApp, service: string, method: string, callers = 1) => {
  const target = app.strapi.plugin('crm').service(service) as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const original = target[method];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived = 0;
  let enter!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  target[method] = async function (this: unknown, ...args: unknown[]) {
    arrived += 1;
    if (arrived <= callers) {
      if (arrived === callers) {
        target[method] = original;
        enter();
      }
      await released;
    }
    return original.apply(this, args);
  };
  return { entered, release };
};
