// The shape of one administrative division (GB/T 2260) as shipped in data/reference/divisions.csv.

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** 6-digit code: province XX0000, prefecture-level city XXXX00, county-level XXXXXX. */
  regionCode: string;
  name: string;
  level: DivisionLevel;
  /** The province's 6-digit code (a province's own code for a province). */
  provinceCode: string;
  /** The prefecture-level city's 6-digit code (its own for a city); null for a province and for a county
   *  directly under a municipality or province (北京市东城区, 河南省济源市). */
  cityCode: string | null;
}

/** Column order of divisions.csv and of the divisions table. */
export const DIVISION_COLUMNS = ['region_code', 'name', 'level', 'province_code', 'city_code'] as const;
