// What src/webviews/panels.ts loads on first use; nothing else imports these modules' values.
export { CreateResourcePanel } from './createResourcePanel';
export { DetailsPanel } from './detailsPanel';
export { EditResourcePanel } from './editResourcePanel';
export { RunFormPanel } from './runFormPanel';
export { WorkspaceFormPanel } from './workspaceFormPanel';
