/** The webview hosts, loaded when a command first opens a panel (or VS Code restores one): most sessions open none. */
export const panels = () => import('./panelHosts');

export type PanelHosts = Awaited<ReturnType<typeof panels>>;
