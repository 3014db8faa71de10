import { Route } from 'react-router';
import { RequireRole } from '../../../app/RequireRole';
import { RecordConsentPage } from './RecordConsentPage';

/** Recording a patient's informed consent, for AppRoutes. */
export const consentRecordRoutes = (
  <Route
    path="patients/:patientId/consents/new"
    element={
      <RequireRole method="consents.record">
        <RecordConsentPage />
      </RequireRole>
    }
  />
);
