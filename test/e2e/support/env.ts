/** Where scripts/e2e.js started Strapi and the super admin it created. */
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with npm run test:e2e`);
  return value;
};

export const e2eEnv = () => ({
  baseUrl: required('E2E_BASE_URL'),
  admin: { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') },
});
