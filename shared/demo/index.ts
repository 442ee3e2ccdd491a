export { createRandom, type Random } from './random';
export { surnames, maleGivenNames, femaleGivenNames, staffNames, type NamePart } from './names';
export { addDays, addMonths, stampOf } from './dates';
export { generateDemoData, personIdOf, demoDefaults, type DemoData, type DemoOptions } from './generate';
