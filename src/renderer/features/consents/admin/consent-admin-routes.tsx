import { Route } from 'react-router';
import { RequireRole } from '../../../app/RequireRole';
import { ConsentDocumentsPage } from './ConsentDocumentsPage';

/** The administrator's consent screens, for AppRoutes. */
export const consentAdminRoutes = (
  <Route
    path="consent-documents"
    element={
      <RequireRole method="consents.saveDocument">
        <ConsentDocumentsPage />
      </RequireRole>
    }
  />
);
