/** Management APIs (§6) beyond workspace CRUD: quotas, authorizations and agency, auth mode, scheduled events. */
import type { Handler } from '../http';
import type { Router } from '../router';
import type { EmulatorState } from '../state';
import { registerManagementAuth } from './managementAuth';
import { registerManagementEvents } from './managementEvents';
import { registerManagementQuotas } from './managementQuotas';

export function registerManagement(router: Router<Handler>, state: EmulatorState): void {
  registerManagementQuotas(router);
  registerManagementAuth(router, state);
  registerManagementEvents(router);
}
