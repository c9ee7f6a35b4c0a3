import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';

import { AddToMarketingListAction } from './AddToMarketingListAction';
import { BulkAddToMarketingListAction } from './BulkAddToMarketingListAction';
import { BulkExportCsvAction } from './BulkExportCsvAction';
import { ContactActivityPanel } from './ContactActivityPanel';
import { ContactCompanyPanel } from './ContactCompanyPanel';
import { ConvertContactAction } from './ConvertContactAction';
import { CustomerCrmPanel } from './CustomerCrmPanel';
import { GenerateLoginAction } from './GenerateLoginAction';
import { HistoryPanel } from './HistoryPanel';
import { OpenInCrmAction } from './OpenInCrmAction';
import { PersonalDataPanel } from './PersonalDataPanel';

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

/**
 * The CRM's actions and side panels in the content manager's views of its types: each one shows
 * only on its own type and to admins holding its action. Appended after Strapi's own, so Save
 * stays the edit view's first action.
 */
export const registerContentManagerExtensions = (app: Pick<StrapiApp, 'getPlugin'>) => {
  const apis = app.getPlugin('content-manager')?.apis as Partial<ContentManagerApis> | undefined;
  if (!apis) return;
  apis.addDocumentAction?.([
    OpenInCrmAction,
    GenerateLoginAction,
    ConvertContactAction,
    AddToMarketingListAction,
  ]);
  apis.addEditViewSidePanel?.([
    ContactCompanyPanel,
    ContactActivityPanel,
    CustomerCrmPanel,
    HistoryPanel,
    PersonalDataPanel,
  ]);
  apis.addBulkAction?.([BulkAddToMarketingListAction, BulkExportCsvAction]);
};
