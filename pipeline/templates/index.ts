export { writeTemplates, columnRule, templateCsv, templateXlsx } from './write-templates.ts';
export { exampleRow, exampleValue } from './example-row.ts';
