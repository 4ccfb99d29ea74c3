// Workspaces, after the v1 service step (cn-north-4 and its default workspace open): a workspace created from the
// Create Workspace form for one granted user, then its description changed in the same form in edit mode.
import { region, type UiStep, workspace } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const workspaceName = 'ui-vision-lab';
const userId = '0123456789abcdef0123456789abcdef';

export const workspaceSteps: readonly UiStep[] = [
  {
    slug: 'create-edit-workspace',
    title: 'Create a workspace for one granted user, then change its description',
    expected:
      `"Create Workspace…" on ${region} opens "Create Workspace"; "ab" shows an error at Name; choosing Internal shows Granted users, ` +
      `where a user is added; Create closes the panel and selects "${workspaceName}"; "Edit Workspace…" on it opens the form with ` +
      'Save disabled until the description changes; Save sends only the description',
    timeoutMs: 45_000,
    async run({ ui, panel, emulator, screenshot }) {
      await ui.collapse(workspace, 2);
      await ui.openContextMenu(ui.treeRow(region, 1));
      await ui.chooseContextMenuItem('Create Workspace…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Workspace') }), 'the form titled "Create Workspace"');
      await panel.typeInto('name', 'ab');
      await expectVisible(panel.fieldError('name').filter({ hasText: 'Use 4 to 64' }), 'the name rule as an error under Name');
      await panel.typeInto('name', workspaceName);
      await expectGone(panel.fieldError('name'), 'the error under Name');
      if (await panel.section('Granted users').isVisible()) throw new NotSeen('Granted users shown for Public access');
      await panel.radio('access', 'INTERNAL').click();
      await expectVisible(panel.section('Granted users'), 'the Granted users table once Internal is chosen');
      await panel.button('Add user').click();
      await panel.tableCell('User 1 User ID').fill(userId);
      await panel.tableCell('User 1 User name').fill('cv-annotator');
      await screenshot('filled');
      await panel.button('Create').click();
      await expectGone(ui.editorTabTitled('Create Workspace'), 'the "Create Workspace" panel');
      const row = ui.treeRow(workspaceName, 2);
      await expectVisible(row.and(ui.selectedTreeRows), `"${workspaceName}" selected in the tree`);
      const created = emulator.requests.list({ method: 'POST', path: /\/workspaces$/ }).map((entry) => JSON.parse(entry.body ?? '{}'));
      if (created.length !== 1 || created[0].auth_type !== 'INTERNAL' || created[0].grants?.[0]?.user_id !== userId) {
        throw new NotSeen(`one create request for Internal access granted to ${userId}; got ${JSON.stringify(created)}`);
      }

      await ui.openContextMenu(row);
      await ui.chooseContextMenuItem('Edit Workspace…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Edit Workspace') }), 'the form titled "Edit Workspace"');
      await expectVisible(panel.button('Save').and(panel.content.locator('[disabled]')), 'Save disabled while nothing has changed');
      await panel.typeInto('description', 'Labelled images');
      await screenshot('edit');
      await expectVisible(panel.button('Save').and(panel.content.locator(':not([disabled])')), 'Save enabled after a change');
      await panel.button('Save').click();
      await expectGone(ui.editorTabTitled(`Edit Workspace: ${workspaceName}`), 'the "Edit Workspace" panel');
      const updated = emulator.requests.list({ method: 'PUT', path: /\/workspaces\/[0-9a-f]{32}$/ }).map((entry) => JSON.parse(entry.body ?? '{}'));
      if (JSON.stringify(updated) !== JSON.stringify([{ description: 'Labelled images' }])) {
        throw new NotSeen(`one update sending only the description; got ${JSON.stringify(updated)}`);
      }
    },
  },
];
