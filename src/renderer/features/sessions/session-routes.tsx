import { Route } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { CoursePage } from './CoursePage';
import { SessionPage } from './SessionPage';
import { StartSessionPage } from './StartSessionPage';

/** The infusion-session screens, for AppRoutes: each names the contract method that decides who may see it. */
export const sessionRoutes = (
  <>
    <Route
      path="patients/:patientId/sessions/new"
      element={
        <RequireRole method="sessions.start">
          <StartSessionPage />
        </RequireRole>
      }
    />
    <Route
      path="patients/:patientId/sessions/:sessionId"
      element={
        <RequireRole method="sessions.get">
          <SessionPage />
        </RequireRole>
      }
    />
    <Route
      path="patients/:patientId/course"
      element={
        <RequireRole method="sessions.course">
          <CoursePage />
        </RequireRole>
      }
    />
  </>
);
