/**
 * The contextValue of the kinds that code loaded at activation tells apart (next steps, the job watch): the kinds
 * themselves load with the tree's rows and the commands.
 */
export const KIND_NAMES = { notebook: 'notebook', serviceV1: 'serviceV1', serviceV2: 'serviceV2', trainingJob: 'trainingJob' } as const;
