import { Route, Routes } from 'react-router';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { DevicesPage } from '../features/devices/DevicesPage';
import { SigningCertificatePage } from '../features/documents/SigningCertificatePage';
import { VerifyPdfPage } from '../features/documents/VerifyPdfPage';
import { ExportPage } from '../features/exports/ExportPage';
import { ClinicSettingsPage } from '../features/clinic/ClinicSettingsPage';
import { consentAdminRoutes } from '../features/consents/admin/consent-admin-routes';
import { ChairsidePage } from '../features/chairside/ChairsidePage';
import { FormularyPage } from '../features/formulary/FormularyPage';
import { RecordHistoryPage } from '../features/records/RecordHistoryPage';
import { RecordPage } from '../features/records/RecordPage';
import { EditPatientPage } from '../features/patients/EditPatientPage';
import { NewPatientPage } from '../features/patients/NewPatientPage';
import { PatientChartPage } from '../features/patients/PatientChartPage';
import { PatientSearchPage } from '../features/patients/PatientSearchPage';
import { consentRecordRoutes } from '../features/consents/record/consent-routes';
import { registerRoutes } from '../features/register/register-routes';
import { sessionRoutes } from '../features/sessions/session-routes';
import { UsersPage } from '../features/users/UsersPage';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';

/** The signed-in screens. Each names the contract method that decides who may see it. */
export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<HomeRedirect />} />
      <Route
        path="patients"
        element={
          <RequireRole method="patients.search">
            <PatientSearchPage />
          </RequireRole>
        }
      />
      <Route
        path="patients/new"
        element={
          <RequireRole method="patients.create">
            <NewPatientPage />
          </RequireRole>
        }
      />
      <Route
        path="patients/:patientId"
        element={
          <RequireRole method="patients.get">
            <PatientChartPage />
          </RequireRole>
        }
      />
      <Route
        path="patients/:patientId/edit"
        element={
          <RequireRole method="patients.update">
            <EditPatientPage />
          </RequireRole>
        }
      />
      <Route
        path="patients/:patientId/records/:recordId"
        element={
          <RequireRole method="records.get">
            <RecordPage />
          </RequireRole>
        }
      />
      <Route
        path="patients/:patientId/records/:recordId/history"
        element={
          <RequireRole method="records.get">
            <RecordHistoryPage />
          </RequireRole>
        }
      />
      <Route
        path="patients/:patientId/chairside"
        element={
          <RequireRole method="chairside.get">
            <ChairsidePage />
          </RequireRole>
        }
      />
      <Route
        path="users"
        element={
          <RequireRole method="users.list">
            <UsersPage />
          </RequireRole>
        }
      />
      <Route
        path="settings"
        element={
          <RequireRole method="clinic.update">
            <ClinicSettingsPage />
          </RequireRole>
        }
      />
      <Route
        path="backups"
        element={
          <RequireRole method="backups.settings.save">
            <BackupsPage />
          </RequireRole>
        }
      />
      <Route
        path="devices"
        element={
          <RequireRole method="devices.list">
            <DevicesPage />
          </RequireRole>
        }
      />
      <Route
        path="formulary"
        element={
          <RequireRole method="formulary.update">
            <FormularyPage />
          </RequireRole>
        }
      />
      <Route
        path="audit"
        element={
          <RequireRole method="audit.list">
            <AuditLogPage />
          </RequireRole>
        }
      />
      <Route
        path="export"
        element={
          <RequireRole method="exports.start">
            <ExportPage />
          </RequireRole>
        }
      />
      <Route
        path="certificate"
        element={
          <RequireRole method="identity.importPkcs12">
            <SigningCertificatePage />
          </RequireRole>
        }
      />
      <Route
        path="verify"
        element={
          <RequireRole method="documents.verify">
            <VerifyPdfPage />
          </RequireRole>
        }
      />
      {sessionRoutes}
      {registerRoutes}
      {consentRecordRoutes}
      {consentAdminRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
