/** The four criteria every option is scored on and the client weighs (`priorities`), in the report's order. */
export const CRITERIA = ['cost', 'capability', 'risk', 'simplicity'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The top of the scale the client weighs each criterion on (0 ignores it). */
export const PRIORITY_MAX = 5;
