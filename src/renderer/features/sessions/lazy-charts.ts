import { lazy } from 'react';

/**
 * The charts load on first use: the chart library is most of the app's weight, and the
 * screens without a chart should not wait for it.
 */
export const LazyVitalsChart = lazy(() => import('./VitalsChart').then((module) => ({ default: module.VitalsChart })));
export const LazyCourseChart = lazy(() => import('./CourseChart').then((module) => ({ default: module.CourseChart })));
