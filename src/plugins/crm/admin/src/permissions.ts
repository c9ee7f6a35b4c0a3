import { adminAction, type AdminActionUid } from '../../contracts';

/** The plugin's admin RBAC actions, in the shape the admin's permission hooks expect. */
const action = (uid: AdminActionUid) => [{ action: adminAction(uid), subject: null }];

export const PERMISSIONS = {
  read: action('read'),
  manage: action('manage'),
  import: action('import'),
  merge: action('merge'),
  revealSsn: action('ssn.reveal'),
  generateLogin: action('contacts.generate-login'),
  convertContact: action('contacts.convert'),
  addToMarketingList: action('marketing-lists.add'),
  comment: action('activity.comment'),
  personalData: action('personal-data'),
};
