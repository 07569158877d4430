// Public surface of the shipped reference data: administrative divisions (region codes) and the loaders that
// mirror reference files into DuckDB. The working-day calendar has its own folder, pipeline/calendar.
export { type Division, type DivisionLevel, DIVISION_COLUMNS } from './division.ts';
export { divisionByCode, isValidRegionCode, provinceOf, allDivisions, divisionsCsvPath } from './regions.ts';
export { buildDivisions, divisionsCsv, FUNCTIONAL_ZONE_CODE } from './divisions-source.ts';
export { refreshDivisionsTable } from './divisions-table.ts';
export { refreshReferenceData } from './refresh.ts';
export { referenceFile } from './files.ts';
