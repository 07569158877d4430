export { writeTemplates, columnRule } from './write-templates.ts';
