/**
 * A training job's charts in its details panel: resource usage per task and the scalars its log printed, drawn by
 * uPlot on canvas. uPlot is small (about 52 KB minified in this bundle only, against about 200 KB for Chart.js) and
 * fast with thousands of points; it needs no eval, inline script or style element (it sets styles through the DOM,
 * which the panel's CSP allows), and its stylesheet is bundled with the panel's.
 * Lit renders the sections and one empty host per chart; uPlot fills the hosts after each render.
 */
import 'uplot/dist/uPlot.min.css';
import './trainingCharts.css';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import uPlot from 'uplot';
import type { DetailsCharts, ScalarChart, UsageChart } from '../src/webviews/protocol';
import { send } from './common/vscodeApi';
import * as l10n from '@vscode/l10n';
import { displayLanguage } from './common/locale';

const PLOT_HEIGHT = 160;
/** Theme colours for the lines, in order; a canvas cannot read CSS variables, so they are resolved when drawn. */
const LINE_COLOURS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];

/** What one chart draws: x, then one line per label; percentages on a fixed 0–100 axis. */
interface Plotted {
  readonly data: uPlot.AlignedData;
  readonly xLabel: string;
  readonly lines: readonly string[];
  readonly percent: boolean;
}

let charts: DetailsCharts | undefined;
/** The user's ticks until the host's charts reflect them (so a checkbox does not flicker back). */
const choices = new Map<string, boolean>();
const drawn = new Map<string, { readonly plot: uPlot; readonly host: HTMLElement; readonly lines: number }>();
const resizes = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const host = entry.target as HTMLElement;
    [...drawn.values()].find((chart) => chart.host === host)?.plot.setSize({ width: host.clientWidth, height: PLOT_HEIGHT });
  }
});

export function setCharts(next: DetailsCharts): void {
  charts = next;
  for (const [key, shown] of choices) {
    if (next.hiddenScalars.includes(key) !== shown) {
      choices.delete(key);
    }
  }
}

const isShown = (key: string): boolean => choices.get(key) ?? !charts?.hiddenScalars.includes(key);

function choose(key: string, event: Event, redraw: () => void): void {
  const shown = (event.target as VscodeCheckbox).checked;
  choices.set(key, shown);
  send({ type: 'showScalar', key, shown });
  redraw();
}

/** One chart: a visible title and a host named for screen readers by what it shows. */
function chartFigure(id: string, title: string, description: string): TemplateResult {
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <div class="chart-plot" role="img" aria-label=${description} data-chart=${id}></div>
  </figure>`;
}

/** Four significant digits in VS Code's display language, without grouping (a step count reads as 12000). */
const fourDigits = new Intl.NumberFormat(displayLanguage, { maximumSignificantDigits: 4, useGrouping: false });

/** A tick or value as people read it: a few significant digits, tiny and huge ones in exponent form (a learning rate). */
function readable(value: number): string {
  const size = Math.abs(value);
  return size !== 0 && (size < 1e-3 || size >= 1e6) ? value.toExponential(1) : fourDigits.format(value);
}

function latest(values: readonly (number | null)[]): string {
  const last = [...values].reverse().find((value) => value !== null);
  return last === undefined || last === null ? '–' : readable(last);
}

function usageDescription(chart: UsageChart): string {
  const minutes = (chart.minutes.at(-1) ?? 0) + 1;
  return l10n.t('{0} over {1} minutes; latest: {2}', chart.label, minutes, chart.tasks.map((task) => `${task.task} ${latest(task.values)}`).join(', '));
}

const scalarDescription = (chart: ScalarChart): string => l10n.t('{0} over {1} points by {2}; latest {3}', chart.key, chart.x.length, chart.xLabel, latest(chart.y));

/** The charts' sections, or nothing when there is nothing to chart (a log without numbers shows no empty chart). */
export function chartSections(redraw: () => void): TemplateResult | typeof nothing {
  if (!charts || (charts.usage.length === 0 && charts.scalars.length === 0)) {
    return nothing;
  }
  const shown = charts.scalars.filter((chart) => isShown(chart.key));
  return html`${charts.usage.length > 0
    ? html`<section class="charts-section" aria-labelledby="usage-heading">
        <h2 id="usage-heading">${l10n.t('Resource usage')}</h2>
        <div class="chart-grid">${repeat(charts.usage, (chart) => chart.metric, (chart) => chartFigure(`usage:${chart.metric}`, chart.label, usageDescription(chart)))}</div>
      </section>`
    : nothing}
  ${charts.scalars.length > 0
    ? html`<section class="charts-section" aria-labelledby="scalars-heading">
        <h2 id="scalars-heading">${l10n.t('Training metrics')}</h2>
        <div class="series-choice" role="group" aria-label=${l10n.t('Series to show')}>
          ${charts.scalars.map((chart) => html`<vscode-checkbox label=${chart.key} .checked=${isShown(chart.key)} @change=${(event: Event) => choose(chart.key, event, redraw)}></vscode-checkbox>`)}
        </div>
        <div class="chart-grid">${repeat(shown, (chart) => chart.key, (chart) => chartFigure(`scalar:${chart.key}`, chart.key, scalarDescription(chart)))}</div>
      </section>`
    : nothing}`;
}

/** Beyond this many minutes the x axis counts hours. */
const HOURS_FROM = 180;

function usagePlot(chart: UsageChart): Plotted {
  const hours = (chart.minutes.at(-1) ?? 0) > HOURS_FROM;
  const x = chart.minutes.map((minute) => (hours ? minute / 60 : minute));
  const lines = chart.tasks.map((task) => x.map((_, index) => task.values[index] ?? null));
  return { data: [x, ...lines], xLabel: hours ? 'hours' : 'minutes', lines: chart.tasks.map((task) => task.task), percent: true };
}

const scalarPlot = (chart: ScalarChart): Plotted => ({ data: [[...chart.x], [...chart.y]], xLabel: chart.xLabel, lines: [chart.key], percent: false });

function plots(): Map<string, Plotted> {
  const all = new Map<string, Plotted>();
  for (const chart of charts?.usage ?? []) {
    all.set(`usage:${chart.metric}`, usagePlot(chart));
  }
  for (const chart of charts?.scalars ?? []) {
    all.set(`scalar:${chart.key}`, scalarPlot(chart));
  }
  return all;
}

function themeColour(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

function options(plotted: Plotted, width: number): uPlot.Options {
  const text = themeColour('--vscode-charts-foreground', themeColour('--vscode-foreground', '#888'));
  const grid = themeColour('--vscode-charts-lines', 'rgba(128, 128, 128, 0.3)');
  const font = `11px ${themeColour('--vscode-font-family', 'sans-serif')}`;
  const axis = {
    stroke: text,
    font,
    labelFont: font,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    values: (_: uPlot, ticks: number[]) => ticks.map(readable),
  };
  return {
    width,
    height: PLOT_HEIGHT,
    scales: { x: { time: false }, ...(plotted.percent ? { y: { range: [0, 100] } } : {}) },
    // Which colour is which task; the values under the pointer would make the legend jump as it moves.
    legend: { show: plotted.lines.length > 1, live: false },
    axes: [{ ...axis, label: plotted.xLabel, labelSize: 20 }, axis],
    series: [
      { label: plotted.xLabel },
      ...plotted.lines.map((label, index) => ({ label, stroke: themeColour(LINE_COLOURS[index % LINE_COLOURS.length], '#3794ff'), width: 1.5 })),
    ],
  };
}

/** Draws every chart host the page has: new hosts get a plot, kept ones new data, gone ones are freed. */
export function drawCharts(root: HTMLElement): void {
  const wanted = plots();
  for (const host of Array.from(root.querySelectorAll<HTMLElement>('.chart-plot[data-chart]'))) {
    const id = host.dataset.chart ?? '';
    const plotted = wanted.get(id);
    const current = drawn.get(id);
    if (!plotted) {
      continue;
    }
    if (current && current.host === host && current.lines === plotted.lines.length) {
      current.plot.setData(plotted.data);
      continue;
    }
    current?.plot.destroy();
    drawn.set(id, { plot: new uPlot(options(plotted, host.clientWidth), plotted.data, host), host, lines: plotted.lines.length });
    resizes.observe(host);
  }
  for (const [id, chart] of drawn) {
    if (!chart.host.isConnected || !wanted.has(id)) {
      resizes.unobserve(chart.host);
      chart.plot.destroy();
      drawn.delete(id);
    }
  }
}

/** A theme change re-colours VS Code's variables; the canvases are drawn again with the new ones. */
export function redrawOnThemeChange(root: HTMLElement): void {
  new MutationObserver(() => {
    for (const chart of drawn.values()) {
      chart.plot.destroy();
    }
    drawn.clear();
    drawCharts(root);
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
