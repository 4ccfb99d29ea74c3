import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { maskSecret } from '../../src/services/secrets';
import { askParticipant, chatRequest, ScriptedModel, textOf } from './chatDoubles';
import { column, invokeTool } from './chatSamples';
import { signedInSuite } from './harness';

/** Markdown as it reads once rendered: the chat shows the tools' headings escaped (markdownText). */
const rendered = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** Results say when they were read; two reads differ only there. */
const withoutTime = (text: string) => rendered(text).replace(/ \(as of [^)]+\)/g, '');

describe('The @modelarts chat participant', () => {
  const under = signedInSuite({ transitionMs: 1000 });
  const participant = () => under().api.chat.participant;

  it('is declared with its commands and registered under that id', () => {
    const declared = vscode.extensions.getExtension('modelarts-community.modelarts-explorer')?.packageJSON.contributes.chatParticipants as { id: string; name: string; commands: { name: string }[] }[];
    assert.deepEqual(
      declared.map((entry) => [entry.id, entry.name, entry.commands.map((command) => command.name)]),
      [['modelarts.chat', 'modelarts', ['jobs', 'notebooks', 'services', 'status']]],
    );
    assert.equal(participant().id, 'modelarts.chat');
  });

  it('/jobs failed: progress, the list tool\'s table of failed jobs, and buttons running the explorer\'s commands', async () => {
    const { stream, result } = await askParticipant(participant(), chatRequest('jobs', 'failed'));
    assert.equal(stream.parts[0] instanceof vscode.ChatResponseProgressPart, true, 'progress comes first');
    assert.deepEqual(stream.progressTexts, ['Listing training jobs…']);
    assert.equal(withoutTime(stream.markdownText), withoutTime(await invokeTool('modelarts_list_training_jobs', { status: 'failed' })), 'the tool\'s answer');
    assert.ok(column(stream.markdownText, 'status').every((status) => status === 'Failed'));
    assert.deepEqual(
      stream.buttons.map((button) => [button.command, button.title]),
      [
        ['modelarts.trainingJob.create', 'Create Training Job…'],
        ['modelarts.explorer.focus', 'Show Explorer'],
      ],
    );
    const commands = await vscode.commands.getCommands(true);
    assert.ok(stream.buttons.every((button) => commands.includes(button.command)), 'every button runs a registered command');
    assert.deepEqual(result, { metadata: { command: 'jobs' } });
  });

  it('/notebooks and /services list theirs; /status shows the account masked and the workspaces', async () => {
    const notebooks = await askParticipant(participant(), chatRequest('notebooks', ''));
    assert.equal(withoutTime(notebooks.stream.markdownText), withoutTime(await invokeTool('modelarts_list_notebooks', {})));
    assert.equal(notebooks.stream.buttons[0].command, 'modelarts.notebook.create');
    const services = await askParticipant(participant(), chatRequest('services', 'running'));
    const [v1, v2] = rendered(services.stream.markdownText).split(/\n\n(?=Real-Time Services \(v2\))/);
    assert.ok(v2, `a v2 table follows the v1 one:\n${services.stream.markdownText}`);
    assert.ok(column(v1, 'status').length > 0 && column(v1, 'status').every((status) => status === 'Running'), v1);
    assert.ok(column(v2, 'status').length > 0 && column(v2, 'status').every((status) => status === 'Running'), v2);
    assert.deepEqual(services.stream.buttons.slice(0, 2).map((button) => button.command), ['modelarts.serviceV1.create', 'modelarts.serviceV2.create']);

    const { stream } = await askParticipant(participant(), chatRequest('status', ''));
    const { ak } = under().emulator.demo;
    assert.ok(rendered(stream.markdownText).includes(`access key ${maskSecret(ak)} (masked;`), stream.markdownText);
    assert.ok(!stream.allText.includes(ak));
    assert.deepEqual(column(stream.markdownText, 'name'), ['default', 'cv-team', 'nlp-research']);
    assert.deepEqual(
      stream.buttons.map((button) => button.command),
      ['modelarts.showAccount', 'modelarts.showLog'],
    );
  });

  it('a question goes to the chat\'s model with the tools; the tools it calls run through VS Code and their results go back to it', async () => {
    const model = new ScriptedModel([
      [new vscode.LanguageModelTextPart('Let me look. '), new vscode.LanguageModelToolCallPart('call-1', 'modelarts_list_training_jobs', { status: 'failed' })],
      [new vscode.LanguageModelTextPart('Three jobs failed, all out of GPU memory.')],
    ]);
    const { stream } = await askParticipant(participant(), chatRequest(undefined, 'which of my training jobs failed today and why?', model));
    assert.equal(stream.markdownText, 'Let me look. Three jobs failed, all out of GPU memory.');
    assert.deepEqual(stream.progressTexts, ['Running modelarts_list_training_jobs…']);

    const [first, second] = model.requests;
    const offered = (first.options?.tools ?? []).map((tool) => tool.name);
    assert.deepEqual(offered.sort(), vscode.lm.tools.filter((tool) => tool.name.startsWith('modelarts_')).map((tool) => tool.name).sort(), 'every ModelArts tool is offered');
    assert.ok(textOf(first.messages.at(-1)).includes('which of my training jobs failed today and why?'));
    const answer = second.messages.at(-1)?.content[0];
    assert.ok(answer instanceof vscode.LanguageModelToolResultPart, 'the tool result goes back');
    assert.equal(answer.callId, 'call-1');
    assert.ok(textOf(answer).includes('gnn-cora-oom-v4'), textOf(answer));
    assert.equal(model.requests.length, 2);
  });

  it('a tool call the model got wrong comes back as the tool\'s message, for the model to correct', async () => {
    const model = new ScriptedModel([[new vscode.LanguageModelToolCallPart('call-1', 'modelarts_get_notebook', { notebook: 'scratch' })], [new vscode.LanguageModelTextPart('Sorry.')]]);
    await askParticipant(participant(), chatRequest(undefined, 'show scratch', model));
    assert.match(textOf(model.requests[1].messages.at(-1)), /Nothing was done: notebook is not an input of this tool \(it takes region, workspace, id, name\)\./);
  });

  it('a command with a question rather than a status goes to the model; without one, it says so and points at the commands', async () => {
    const model = new ScriptedModel([vscode.LanguageModelError.NotFound('no model here')]);
    const { stream } = await askParticipant(participant(), chatRequest('jobs', 'which ones failed today?', model));
    assert.equal(model.requests.length, 1, 'the model was asked');
    assert.equal(stream.markdownText, 'No language model answered (no model here). /jobs, /notebooks, /services and /status work without one.');
  });

  it('signed out, it offers Sign In instead of answering', async () => {
    await under().signOut();
    try {
      const { stream } = await askParticipant(participant(), chatRequest('jobs', ''));
      assert.equal(stream.markdownText, 'You are not signed in to ModelArts.');
      assert.deepEqual(stream.buttons.map((button) => button.command), ['modelarts.signIn']);
    } finally {
      await under().signInWithDemoKey();
    }
  });
});
