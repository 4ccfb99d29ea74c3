/** The Create (and Edit) Workspace panel: name, description, who may use the workspace and the users granted it. */
import './common/styles.css';
import { html, nothing, type TemplateResult } from 'lit';
import { WORKSPACE_GRANT_USER_TYPES, type WorkspaceAccess, type WorkspaceFormValues, type WorkspaceGrantUserType } from '../src/webviews/protocol';
import { validateWorkspaceForm, WORKSPACE_DESCRIPTION_MAX } from '../src/webviews/workspaceFormRules';
import { radioField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { rowTable } from './common/nameValueTable';

/** The form loads no choices. */
type Page = FormPage<WorkspaceFormValues, never>;

/** §6.1 auth_type, as the SDK's field text describes each. */
const ACCESS: readonly { readonly value: WorkspaceAccess; readonly label: string }[] = [
  { value: 'PUBLIC', label: 'Public: everyone in the account can use it' },
  { value: 'PRIVATE', label: 'Private: only its creator and the primary account' },
  { value: 'INTERNAL', label: 'Internal: its creator, the primary account and the users granted below' },
];

/** The SDK's grant user types. */
const USER_TYPES: Readonly<Record<WorkspaceGrantUserType, string>> = { IAM: 'IAM user', FEDERATE: 'Federated user', AGENCY: 'Agency' };

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
    heading: 'Granted users',
    item: 'User',
    nameLabel: 'User ID',
    valueLabel: 'User name',
    namePlaceholder: 'User ID (32 hex characters for an IAM user)',
    valuePlaceholder: 'User name',
    rows: values.grants.map((grant) => ({ name: grant.userId, value: grant.userName, userType: grant.userType })),
    blankRow: { name: '', value: '', userType: 'IAM' },
    choiceColumn: {
      label: 'Type',
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
    ${page.nameField(values, '4 to 64 letters, digits, hyphens or underscores; "default" is reserved.', true)}
    ${textField({
      id: 'description',
      label: 'Description',
      multiline: true,
      value: values.description,
      error: page.errorFor('description'),
      helper: `Optional; ${values.description.length} of ${WORKSPACE_DESCRIPTION_MAX} characters.`,
      disabled,
      onInput: (description) => page.change({ description }),
    })}
    ${radioField({
      id: 'access',
      label: 'Access',
      value: values.access,
      choices: ACCESS,
      vertical: true,
      disabled,
      onChange: (access) => page.change({ access: ACCESS.find((choice) => choice.value === access)?.value ?? values.access }),
    })}
    ${values.access === 'INTERNAL' ? grantsTable(page, values) : nothing}
    ${textField({
      id: 'enterpriseProjectId',
      label: 'Enterprise project ID',
      value: values.enterpriseProjectId,
      placeholder: page.editing ? undefined : '0',
      error: page.errorFor('enterpriseProjectId'),
      helper: page.editing ? 'Cannot be changed.' : 'Optional; empty for the default enterprise project (0).',
      disabled: disabled || page.editing,
      onInput: (enterpriseProjectId) => page.change({ enterpriseProjectId }),
    })}
  `;
}

new FormPage<WorkspaceFormValues, never>({
  title: 'Create Workspace',
  submitLabel: 'Create',
  editTitle: 'Edit Workspace',
  readForm: (message) => (message.type === 'workspaceForm' ? message : undefined),
  readOptions: () => undefined,
  validate: validateWorkspaceForm,
  submitMessage: (values) => ({ type: 'submitWorkspace', values }),
  body,
  // The granted users show as soon as Internal is chosen, and an Internal workspace's are open for editing.
  initiallyOpen: ['section-grants'],
}).start();
