import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { PERMISSIONS } from '../permissions';
import { ContactsPage } from './contacts/ContactsPage';
import { CustomerOverviewPage } from './customers/CustomerOverviewPage';
import { CustomerSearchPage } from './customers/CustomerSearchPage';
import { NetworkPage } from './customers/NetworkPage';
import { DuplicatesPage } from './duplicates/DuplicatesPage';
import { ErasureListPage } from './erasures/ErasureListPage';
import { ImportHistoryPage } from './imports/ImportHistoryPage';
import { ImportWizardPage } from './imports/ImportWizardPage';
import { MarketingListsPage } from './marketing-lists/MarketingListsPage';

/** The plugin's pages under /admin/plugins/crm; each has an address that can be shared. */
const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<CustomerSearchPage />} />
      <Route path="customers/:documentId" element={<CustomerOverviewPage />} />
      <Route path="customers/:documentId/network" element={<NetworkPage />} />
      <Route path="duplicates" element={<DuplicatesPage />} />
      <Route path="duplicates/:documentId" element={<DuplicatesPage />} />
      <Route path="contacts" element={<ContactsPage />} />
      <Route path="contacts/:documentId" element={<ContactsPage />} />
      <Route path="erasures" element={<ErasureListPage />} />
      <Route path="marketing-lists" element={<MarketingListsPage />} />
      <Route path="marketing-lists/:documentId" element={<MarketingListsPage />} />
      {/* A fixed segment outranks /imports/:documentId, and a documentId is never "history". */}
      <Route path="imports/history" element={<ImportHistoryPage />} />
      <Route path="imports" element={<ImportWizardPage />} />
      <Route path="imports/:documentId" element={<ImportWizardPage />} />
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Page.Protect>
);

export default App;
