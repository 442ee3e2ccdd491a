// Case work: pure rules behind the consultation, checklist, care-plan and evaluation screens.
export * from './form-errors';
export * from './consultations';
export * from './checklists';
export * from './plans';
export * from './evaluations';
export * from './due-dates';
