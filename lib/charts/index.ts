// Chart builders: pure (data, options) => Vega-Lite spec functions, composed with `layer`.

// Composition and look
export { layer } from './layer';
export { chartTheme } from './theme';
export type { FrameOptions } from './theme';

// Parameter-plane pictures
export { heatmap } from './heatmap';
export type { HeatmapGrid, HeatmapOptions } from './heatmap';
export { pathOverlay } from './path-overlay';
export type { OptimizerPath, PathOverlayOptions } from './path-overlay';

// Per-step pictures
export { lossCurve } from './loss-curve';
export type { StepSeries, LossCurveOptions } from './loss-curve';
export { coordinateTraces } from './coordinate-traces';
export type { CoordinateTracesOptions } from './coordinate-traces';
export { learningRateSelector } from './learning-rate-selector';
export type { LearningRateRun, LearningRateSelectorOptions } from './learning-rate-selector';
export { logLogCurves } from './log-log-curves';
export type { LogLogSeries, LogLogCurvesOptions } from './log-log-curves';

// Data and theory pictures
export { scatter } from './scatter';
export type { ScatterOptions } from './scatter';
export { lineOverlay } from './line-overlay';
export type { StraightLine, LineOverlayOptions } from './line-overlay';
export { functionCurves } from './function-curves';
export type { FunctionSeries, VerticalMarker, FunctionCurvesOptions } from './function-curves';

// Small multiples, palette, contours and descriptions
export { concat } from './concat';
export type { ConcatOptions } from './concat';
export { stepsToTolerance } from './steps-to-tolerance';
export type { ToleranceSeries, StepsToToleranceOptions } from './steps-to-tolerance';
export { SERIES_COLORS, SERIES_LEGEND, OPTIMIZER_STYLES, optimizerOf, seriesColor, seriesStyles } from './palette';
export type { SeriesStyles } from './palette';
export { contourLines } from './contour-lines';
export type { ContourLine, ContourSegment, ContourLinesOptions } from './contour-lines';
export { chainSegments } from './chain-segments';
export { equalScaleSize } from './equal-scale-size';
export { withDescription } from './with-description';

// 3-D: plotly traces for nodeplotlib (surface of L with the optimizer paths on it)
export { surfaceTraces } from './surface-traces';
export type { SurfacePath, ExtraSurface, SurfaceTracesOptions, SurfaceFigure } from './surface-traces';

// Notebook 05: covariance ellipses over data, contraction factors per direction
export { covarianceEllipses } from './covariance-ellipses';
export type { CovarianceEllipse, CovarianceEllipsesOptions } from './covariance-ellipses';
export { contractionFactorPlot } from './contraction-factor-plot';
export type { ContractionFactorRow, ContractionFactorPlotOptions } from './contraction-factor-plot';
