import { Route } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { ContainerHistoryPage } from './ContainerHistoryPage';
import { InventoryPage } from './InventoryPage';
import { ReceiptPage } from './ReceiptPage';
import { RegisterPage } from './RegisterPage';
import { RequireRegisterDuty } from './RequireRegisterDuty';

/** The controlled-substance register's screens, for AppRoutes. */
export const registerRoutes = (
  <>
    <Route
      path="register"
      element={
        <RequireRole method="register.overview">
          <RegisterPage />
        </RequireRole>
      }
    />
    <Route
      path="register/receive"
      element={
        <RequireRole method="register.receive">
          <RequireRegisterDuty duty="receipt">
            <ReceiptPage />
          </RequireRegisterDuty>
        </RequireRole>
      }
    />
    <Route
      path="register/count"
      element={
        <RequireRole method="register.inventory">
          <RequireRegisterDuty duty="inventory">
            <InventoryPage />
          </RequireRegisterDuty>
        </RequireRole>
      }
    />
    <Route
      path="register/containers/:containerId"
      element={
        <RequireRole method="register.container">
          <ContainerHistoryPage />
        </RequireRole>
      }
    />
  </>
);
