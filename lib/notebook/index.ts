// Notebook display: one bundle per output, tslab's writer wrapped in display.ts only.

// Charts
export { showChart, resolveDisplayWriter } from './display';
export type { DisplayContent, DisplayWriter, DisplayOptions, ShowChartOptions } from './display';
export { renderSvg } from './render-svg';
export type { RenderSvgOptions } from './render-svg';
export { renderPng } from './render-png';
export type { RenderPngOptions } from './render-png';
export { compactSvg } from './compact-svg';

// Text outputs
export { progressLine } from './progress-line';
export type { ProgressLine } from './progress-line';
export { mapWithProgress } from './map-with-progress';
export type { MapWithProgressOptions } from './map-with-progress';
export { showTable } from './show-table';
export type { TableCell, ShowTableOptions } from './show-table';
export { showMarkdown } from './show-markdown';
export { showLatex } from './show-latex';

// 3-D view through nodeplotlib's page: loopback only, offline
export { showSurface3d, closeSurface3d } from './show-surface-3d';
export type { ShowSurface3dOptions } from './show-surface-3d';
export { serveSurface3d, LOOPBACK_HOST } from './surface-server';
export type { SurfaceServer, SurfaceServerOptions, SurfaceServerStop } from './surface-server';
export { windowSupport, openBrowserWindow } from './browser-window';
export type { WindowEnvironment, WindowSupport } from './browser-window';
