/** The Create (and Edit) Workspace panel: name, description, who may use the workspace and the users granted it. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import { html, nothing, type TemplateResult } from 'lit';
import { WORKSPACE_GRANT_USER_TYPES, type WorkspaceAccess, type WorkspaceFormValues, type WorkspaceGrantUserType } from '../src/webviews/protocol';
import { validateWorkspaceForm, WORKSPACE_DESCRIPTION_MAX } from '../src/webviews/workspaceFormRules';
import { radioField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { rowTable } from './common/nameValueTable';
import * as l10n from '@vscode/l10n';

/** The form loads no choices. */
type Page = FormPage<WorkspaceFormValues, never>;

/** §6.1 auth_type, as the SDK's field text describes each. */
const ACCESS: readonly { readonly value: WorkspaceAccess; readonly label: string }[] = [
  { value: 'PUBLIC', label: l10n.t('Public: everyone in the account can use it') },
  { value: 'PRIVATE', label: l10n.t('Private: only its creator and the primary account') },
  { value: 'INTERNAL', label: l10n.t('Internal: its creator, the primary account and the users granted below') },
];

/** The SDK's grant user types. */
const USER_TYPES: Readonly<Record<WorkspaceGrantUserType, string>> = { IAM: l10n.t('IAM user'), FEDERATE: l10n.t('Federated user'), AGENCY: l10n.t('Agency') };

/** A granted user as the table edits it: the ID as the name, the user name as the value, the user type as its kind. */
interface GrantCells {
  readonly name: string;
  readonly value: string;
  readonly userType: WorkspaceGrantUserType;
}

/** Users granted an Internal workspace: user ID and user name (the API needs one of the two), and who they are. */
function grantsTable(page: Page, values: WorkspaceFormValues): TemplateResult {
  return rowTable<GrantCells>({
    id: 'grants',
    heading: l10n.t('Granted users'),
    item: l10n.t('User'),
    nameLabel: l10n.t('User ID'),
    valueLabel: l10n.t('User name'),
    namePlaceholder: l10n.t('User ID (32 hex characters for an IAM user)'),
    valuePlaceholder: l10n.t('User name'),
    rows: values.grants.map((grant) => ({ name: grant.userId, value: grant.userName, userType: grant.userType })),
    blankRow: { name: '', value: '', userType: 'IAM' },
    choiceColumn: {
      label: l10n.t('Type'),
      choices: WORKSPACE_GRANT_USER_TYPES.map((type) => ({ value: type, label: USER_TYPES[type] })),
      of: (row) => row.userType,
      set: (row, chosen) => ({ ...row, userType: WORKSPACE_GRANT_USER_TYPES.find((type) => type === chosen) ?? row.userType }),
    },
    error: page.errorFor('grants'),
    disabled: page.submitting,
    open: page.isOpen('section-grants'),
    onToggle: (open) => page.setOpen('section-grants', open),
    onChange: (rows) => page.change({ grants: rows.map((row) => ({ userId: row.name, userName: row.value, userType: row.userType })) }),
  });
}

function body(page: Page, values: WorkspaceFormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${page.nameField(values, l10n.t('4 to 64 letters, digits, hyphens or underscores; "default" is reserved.'), true)}
    ${textField({
      id: 'description',
      label: l10n.t('Description'),
      multiline: true,
      value: values.description,
      error: page.errorFor('description'),
      helper: l10n.t('Optional; {0} of {1} characters.', values.description.length, WORKSPACE_DESCRIPTION_MAX),
      disabled,
      onInput: (description) => page.change({ description }),
    })}
    ${radioField({
      id: 'access',
      label: l10n.t('Access'),
      value: values.access,
      choices: ACCESS,
      vertical: true,
      disabled,
      onChange: (access) => page.change({ access: ACCESS.find((choice) => choice.value === access)?.value ?? values.access }),
    })}
    ${values.access === 'INTERNAL' ? grantsTable(page, values) : nothing}
    ${textField({
      id: 'enterpriseProjectId',
      label: l10n.t('Enterprise project ID'),
      value: values.enterpriseProjectId,
      placeholder: page.editing ? undefined : '0',
      error: page.errorFor('enterpriseProjectId'),
      helper: page.editing ? l10n.t('Cannot be changed.') : l10n.t('Optional; empty for the default enterprise project (0).'),
      disabled: disabled || page.editing,
      onInput: (enterpriseProjectId) => page.change({ enterpriseProjectId }),
    })}
  `;
}

new FormPage<WorkspaceFormValues, never>({
  title: l10n.t('Create Workspace'),
  submitLabel: l10n.t('Create'),
  editTitle: l10n.t('Edit Workspace'),
  readForm: (message) => (message.type === 'workspaceForm' ? message : undefined),
  readOptions: () => undefined,
  validate: validateWorkspaceForm,
  submitMessage: (values) => ({ type: 'submitWorkspace', values }),
  body,
  // The granted users show as soon as Internal is chosen, and an Internal workspace's are open for editing.
  initiallyOpen: ['section-grants'],
}).start();
