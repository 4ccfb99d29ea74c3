/** The details panel of a resource (notebook, training job, resource pool, service, model): status, fields, progress steps, actions, charts and the log tail. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import './details.css';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import type { DetailsAction, DetailsStep, DetailsView, ErrorInfo } from '../src/webviews/protocol';
import { errorBox } from './common/errorBox';
import { appElement, onMessage, saveState, send } from './common/vscodeApi';
import { chartSections, drawCharts, redrawOnThemeChange, setCharts } from './trainingCharts';
import * as l10n from '@vscode/l10n';

const ACTIONS: Readonly<Record<DetailsAction, { readonly label: string; readonly icon: string }>> = {
  refresh: { label: l10n.t('Refresh'), icon: 'refresh' },
  start: { label: l10n.t('Start'), icon: 'debug-start' },
  stop: { label: l10n.t('Stop'), icon: 'debug-stop' },
  delete: { label: l10n.t('Delete'), icon: 'trash' },
  openJupyter: { label: l10n.t('Open JupyterLab'), icon: 'link-external' },
  viewLogs: { label: l10n.t('Open Full Log'), icon: 'output' },
  copyId: { label: l10n.t('Copy ID'), icon: 'copy' },
  createSimilar: { label: l10n.t('Create Similar…'), icon: 'add' },
  edit: { label: l10n.t('Edit…'), icon: 'edit' },
  manageTags: { label: l10n.t('Manage Tags…'), icon: 'tag' },
  update: { label: l10n.t('Update…'), icon: 'edit' },
  viewEvents: { label: l10n.t('View Events'), icon: 'list-unordered' },
  copyAccessAddress: { label: l10n.t('Copy Access Address'), icon: 'link' },
  deployV1: { label: l10n.t('Deploy as Real-Time Service (v1)…'), icon: 'cloud-upload' },
  connectSsh: { label: l10n.t('Connect via SSH'), icon: 'remote' },
  renewLease: { label: l10n.t('Renew Lease…'), icon: 'watch' },
  saveImage: { label: l10n.t('Save as Image…'), icon: 'archive' },
  attachStorage: { label: l10n.t('Mount Storage…'), icon: 'database' },
  changeFlavor: { label: l10n.t('Change Flavor…'), icon: 'settings' },
  interrupt: { label: l10n.t('Interrupt'), icon: 'debug-pause' },
  showExecLoginInfo: { label: l10n.t('Exec Login Info'), icon: 'terminal' },
  openInConsole: { label: l10n.t('Open in Huawei Cloud Console'), icon: 'globe' },
};

/** The action a user most likely came for gets the primary look. */
const PRIMARY_ACTIONS: readonly DetailsAction[] = ['start', 'openJupyter', 'deployV1'];

/** Codicon classes; something in progress spins. */
const SPINNING = 'codicon-loading codicon-modifier-spin';

const STATUS_ICONS: Readonly<Record<string, string>> = {
  running: 'codicon-vm-running',
  degraded: 'codicon-warning',
  transitional: SPINNING,
  succeeded: 'codicon-pass',
  failed: 'codicon-error',
  stopped: 'codicon-debug-stop',
  unknown: 'codicon-question',
};

const STEP_ICONS: Readonly<Record<DetailsStep['state'], string>> = {
  done: 'codicon-check',
  active: SPINNING,
  waiting: 'codicon-circle-large-outline',
  failed: 'codicon-close',
};

let view: DetailsView | undefined;
let failure: ErrorInfo | undefined;
/** The user's Follow choice until the host's view reflects it (so the checkbox does not flicker back). */
let followChoice: boolean | undefined;

const following = (): boolean => followChoice ?? view?.log?.following ?? false;

function runAction(action: DetailsAction): void {
  send({ type: 'runAction', action });
}

function setFollow(event: Event): void {
  followChoice = (event.target as VscodeCheckbox).checked;
  send({ type: 'followLog', follow: followChoice });
  update();
}

function header(current: DetailsView): TemplateResult {
  const category = current.statusCategory in STATUS_ICONS ? current.statusCategory : 'unknown';
  return html`<header class="details-header">
    <div class="kind">${current.kindLabel}</div>
    <div class="title-row">
      <h1>${current.name}</h1>
      <span class="status status-${category}">
        <span class="codicon ${STATUS_ICONS[category]}" aria-hidden="true"></span>${current.status}
      </span>
      ${current.live
        ? html`<span class="live" title=${l10n.t('This page refreshes itself until the {0} settles.', current.kindLabel.toLowerCase())}
            ><span class="live-dot" aria-hidden="true"></span>${l10n.t('Live')}</span
          >`
        : nothing}
    </div>
    ${current.reason
      ? html`<p class="reason" role="note"><span class="codicon codicon-error" aria-hidden="true"></span><strong>${l10n.t('Reason:')}</strong> <span class="reason-text">${current.reason}</span></p>`
      : nothing}
  </header>`;
}

function actionButton(action: DetailsAction): TemplateResult {
  const { label, icon } = ACTIONS[action];
  return html`<vscode-button
    icon=${icon}
    class=${action === 'delete' ? 'danger' : ''}
    ?secondary=${!PRIMARY_ACTIONS.includes(action)}
    @click=${() => runAction(action)}
    >${label}</vscode-button
  >`;
}

function steps(current: DetailsView): TemplateResult {
  return html`<section class="steps-section" aria-labelledby="steps-heading">
    <h2 id="steps-heading">${l10n.t('Progress')}</h2>
    <ol class="steps">
      ${current.steps.map(
        (step) =>
          html`<li class="step step-${step.state}" aria-current=${step.state === 'active' ? 'step' : nothing}>
            <span class="codicon ${STEP_ICONS[step.state]}" aria-hidden="true"></span>
            <span>${step.label}</span><span class="visually-hidden">(${step.state})</span>
          </li>`,
      )}
    </ol>
  </section>`;
}

function logSection(log: NonNullable<DetailsView['log']>, canOpenFullLog: boolean): TemplateResult {
  return html`<section class="log-section" aria-labelledby="log-heading">
    <div class="log-header">
      <h2 id="log-heading">${l10n.t('Log')}</h2>
      <vscode-checkbox label=${l10n.t('Follow')} .checked=${following()} @change=${setFollow}></vscode-checkbox>
    </div>
    ${log.truncated
      ? html`<p class="note"><span class="codicon codicon-info" aria-hidden="true"></span>${l10n.t('Showing the end of the log only.')}${canOpenFullLog ? ` ${l10n.t('Open Full Log shows all of it.')}` : ''}</p>`
      : nothing}
    <pre class="log" tabindex="0" aria-labelledby="log-heading">${log.text || l10n.t('No log output yet.')}</pre>
  </section>`;
}

function page(): TemplateResult {
  const retry = (): void => runAction('refresh');
  const problem = failure ? errorBox(l10n.t('Could not load the details'), failure, retry) : nothing;
  if (!view) {
    return html`<div class="details">
      ${failure ? problem : html`<div class="loading" role="status"><vscode-progress-ring></vscode-progress-ring><span>${l10n.t('Loading…')}</span></div>`}
    </div>`;
  }
  return html`<div class="details">
    ${header(view)} ${problem}
    <div class="actions">${view.actions.map(actionButton)}</div>
    <div class="overview">
      <table class="fields">
        <tbody>
          ${view.fields.map((field) => html`<tr><th scope="row">${field.label}</th><td>${field.value}</td></tr>`)}
        </tbody>
      </table>
      ${view.steps.length > 0 ? steps(view) : nothing}
    </div>
    ${chartSections(update)}
    ${view.log ? logSection(view.log, view.actions.includes('viewLogs')) : nothing}
  </div>`;
}

/** Re-renders, keeping the log where the user scrolled it, or at its end when following. */
function update(): void {
  const before = appElement().querySelector('.log')?.scrollTop;
  render(page(), appElement());
  drawCharts(appElement());
  const log = appElement().querySelector('.log');
  if (log) {
    log.scrollTop = following() ? log.scrollHeight : (before ?? 0);
  }
}

onMessage((message) => {
  if (message.type === 'details') {
    view = message.view;
    // Only which resource it is: a window reload brings the panel back and the host reads the resource again.
    saveState(view.reference);
    failure = undefined;
    if (followChoice === view.log?.following) {
      followChoice = undefined;
    }
  } else if (message.type === 'detailsCharts') {
    setCharts(message.charts);
  } else if (message.type === 'detailsFailed') {
    failure = message.error;
  } else {
    return;
  }
  update();
});
update();
redrawOnThemeChange(appElement());
send({ type: 'ready' });
