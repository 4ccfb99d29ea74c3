// The tree's rows, the resource kinds and the cost guard's kinds, for the code loaded at activation, which imports
// them through here at first use: one module for all of them, so the bundle splits them off as one part, not one per
// importer.
export { BILLING_KINDS } from '../costGuard/billingKinds';
export { notebookKind } from './kinds/notebookKind';
export { trainingJobKind } from './kinds/trainingJobKind';
export { RegionNode } from './nodes/regionNodes';
