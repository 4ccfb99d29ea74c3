// The extension in Chinese: the same browser page, emulator and installed extension, but a second code-server whose
// display language is zh-cn, signed in from the environment. The tree, a form and a notification show the
// zh-CN texts of package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json; VS Code's own menus stay English (see
// installStubLanguagePack). Runs last: it leaves the page on the English workbench again, reloaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScratch, startCodeServer, withoutCredentials, workbenchUrl } from '../vscode-host/codeServer';
import { Cleanup, makeFolder } from '../vscode-host/processes';
import { region, type StepContext, type UiStep, workspace } from './steps';
import { exactly, expectVisible, NotSeen } from './workbench';

const locale = 'zh-cn';
/** Seeded stopped in the default workspace (emulator/seedData.ts) and used by no other step; stopped again at the end. */
const notebookName = 'mindspore-lenet';

/**
 * code-server's `--locale` sets the display language only when a language pack for it is installed: without one the
 * page leaves the language unset and `vscode.env.language` is `en`. Chinese packs cannot be downloaded here, so this
 * writes what installing one leaves in the user data folder (languagepacks.json, which code-server reads to build the
 * workbench's messages) with a translation file that translates nothing: VS Code's own texts stay English, while
 * `vscode.env.language` is zh-cn and the extension's *.zh-cn.json files are used.
 */
function installStubLanguagePack(userData: string): void {
  const translations = path.join(makeFolder(path.join(userData, 'stub-language-pack')), 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  // VS Code reads the first extension of each pack: one must be named, though none is installed.
  const extensions = [{ extensionIdentifier: { id: 'modelarts-tests.zh-cn-stub-language-pack' }, version: '0.0.1' }];
  const pack = { hash: 'stub', extensions, translations: { vscode: translations }, label: '中文(简体)' };
  fs.writeFileSync(path.join(makeFolder(userData), 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** Starts the zh-cn code-server with the English run's extensions and settings; resolves with the workbench's URL. */
async function startChineseWorkbench({ workspaceFolder, credentials }: StepContext, log: string[], cleanup: Cleanup): Promise<string> {
  // runUiTests.ts keeps the extensions and user data next to the workspace folder (createScratch).
  const englishRoot = path.dirname(workspaceFolder);
  const extensions = path.join(englishRoot, 'extensions');
  const settings = path.join(englishRoot, 'user-data', 'User', 'settings.json');
  if (!fs.existsSync(extensions) || !fs.existsSync(settings)) throw new NotSeen(`the English run's extensions and settings next to ${workspaceFolder}`);
  const scratch = { ...createScratch(`modelarts-ui-${locale}-`, cleanup), extensions };
  installStubLanguagePack(scratch.userData);
  fs.copyFileSync(settings, path.join(makeFolder(path.join(scratch.userData, 'User')), 'settings.json'));
  const env = { ...scratch.environment(withoutCredentials(process.env)), MODELARTS_AK: credentials.ak, MODELARTS_SK: credentials.sk, MODELARTS_REGION: region };
  const { port } = await startCodeServer(scratch, 0, env, log, cleanup, locale);
  return workbenchUrl(port, workspaceFolder);
}

async function checkTreeFormAndNotification({ ui, panel, emulator, credentials, screenshot }: StepContext): Promise<void> {
  await expectVisible(ui.activityBarIcon('ModelArts'), 'the ModelArts icon in the activity bar', 45_000);
  await ui.activityBarIcon('ModelArts').click();
  // Signed in from the environment: the region shows once the extension has started.
  await expectVisible(ui.treeRow(region, 1), `the region ${region} in the tree`, 45_000);
  await ui.expand(region, 1);
  await ui.expand(workspace, 2);
  await expectVisible(ui.description(ui.treeRow(workspace, 2)).filter({ hasText: '默认工作空间' }), `"${workspace}" described as 默认工作空间`);
  await expectVisible(ui.treeRow('训练作业', 3), 'the category "训练作业" (Training Jobs)');
  await ui.expand('Notebook', 3);
  const row = ui.treeRow(notebookName, 4);
  await expectVisible(row, `the notebook "${notebookName}"`);
  await expectVisible(ui.description(row).filter({ hasText: '已停止' }), `"${notebookName}" described as 已停止 (Stopped)`);
  await screenshot('tree');

  await ui.clickInlineAction(ui.treeRow('Notebook', 3), '创建 Notebook…');
  await expectVisible(ui.editorTabTitled('创建 Notebook'), 'an editor tab "创建 Notebook"');
  await expectVisible(panel.heading.filter({ hasText: exactly('创建 Notebook') }), 'the form titled "创建 Notebook"');
  await expectVisible(panel.content.locator('vscode-label', { hasText: exactly('规格') }), 'the field label "规格" (Flavor)');
  await screenshot('form');

  const record = emulator.state.projectFor(credentials.ak, region)?.notebooks(emulator.state.clock.now()).find((notebook) => notebook.name === notebookName && notebook.workspaceId === '0');
  if (!record) throw new NotSeen(`the emulator's record of "${notebookName}"`);
  try {
    await ui.openContextMenu(row);
    await ui.chooseContextMenuItem('启动 Notebook');
    await expectVisible(ui.notification(`Notebook“${notebookName}”正在运行。`), 'the notification "Notebook“…”正在运行。"', 30_000);
    await expectVisible(ui.toast('正在运行').locator('.monaco-button', { hasText: exactly('打开 JupyterLab') }), 'its button "打开 JupyterLab"');
    await screenshot('notification');
  } finally {
    emulator.state.setNotebookStatus(record.id, 'STOPPED');
  }
}

export const zhCnSteps: readonly UiStep[] = [
  {
    slug: 'zh-cn',
    title: 'The extension with the display language zh-cn',
    expected:
      `a second workbench started with --locale ${locale}: the tree reads 默认工作空间, 训练作业 and Notebook; the inline ` +
      '"创建 Notebook…" opens a form titled 创建 Notebook with the label 规格; 启动 Notebook on a stopped notebook ' +
      'notifies "Notebook“…”正在运行。" with 打开 JupyterLab',
    timeoutMs: 240_000,
    async run(context) {
      const englishUrl = context.ui.page.url();
      const cleanup = new Cleanup();
      const log: string[] = [];
      try {
        await context.ui.page.goto(await startChineseWorkbench(context, log, cleanup));
        await checkTreeFormAndNotification(context);
        // Only after a success: a failure's screenshot shows the Chinese workbench.
        await context.ui.page.goto(englishUrl);
      } catch (error) {
        if (log.length > 0) console.error(`the ${locale} code-server said:\n${log.join('')}`);
        throw error;
      } finally {
        await cleanup.run();
      }
    },
  },
];
