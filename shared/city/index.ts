// The invented city the demo data, fixtures and tests use: ひかり野市 (Hikarino), with
// the five centers the city's specification names. Codes follow legacy/FORMAT.md.

export const cityName = 'ひかり野市';
export const insurerNumberOfCity = '139999';

export const cityHall = 'cityHall' as const;

export interface CenterInfo {
  id: string;
  name: string;
  fullName: string;
  livingAreas: string[];
}

export const centers: readonly CenterInfo[] = [
  { id: '01', name: '中央', fullName: 'ひかり野市中央地域包括支援センター', livingAreas: ['01', '02'] },
  { id: '02', name: '中央第二', fullName: 'ひかり野市中央第二地域包括支援センター', livingAreas: ['03'] },
  { id: '03', name: '南', fullName: 'ひかり野市南地域包括支援センター', livingAreas: ['04', '05'] },
  { id: '04', name: '北', fullName: 'ひかり野市北地域包括支援センター', livingAreas: ['06'] },
  { id: '05', name: '北第二', fullName: 'ひかり野市北第二地域包括支援センター', livingAreas: ['07', '08'] },
];

export const centerIds = centers.map((c) => c.id);
export const cityHallName = 'ひかり野市役所 長寿あんしん課';

export const isCenterId = (value: string): boolean => centerIds.includes(value);

/** '01' → '中央'; 'cityHall' → '市役所'. Unknown codes come back as they are. */
export function centerName(id: string): string {
  if (id === cityHall) return '市役所';
  return centers.find((c) => c.id === id)?.name ?? id;
}

export interface LivingAreaInfo {
  code: string;
  name: string;
  centerId: string;
}

export const livingAreas: readonly LivingAreaInfo[] = [
  { code: '01', name: '中央東', centerId: '01' },
  { code: '02', name: '中央西', centerId: '01' },
  { code: '03', name: '駅前', centerId: '02' },
  { code: '04', name: '南部', centerId: '03' },
  { code: '05', name: '南台', centerId: '03' },
  { code: '06', name: '北部', centerId: '04' },
  { code: '07', name: '北山', centerId: '05' },
  { code: '08', name: '北浜', centerId: '05' },
];

export interface DistrictInfo {
  code: string;
  name: string;
  livingArea: string;
}

export const districts: readonly DistrictInfo[] = [
  { code: '101', name: '本町', livingArea: '01' },
  { code: '102', name: '旭', livingArea: '01' },
  { code: '103', name: '若葉', livingArea: '02' },
  { code: '104', name: '桜台', livingArea: '02' },
  { code: '201', name: '駅東', livingArea: '03' },
  { code: '202', name: '駅西', livingArea: '03' },
  { code: '301', name: '南町', livingArea: '04' },
  { code: '302', name: '緑ヶ丘', livingArea: '04' },
  { code: '303', name: '南台', livingArea: '05' },
  { code: '401', name: '北町', livingArea: '06' },
  { code: '402', name: '泉', livingArea: '06' },
  { code: '501', name: '北山', livingArea: '07' },
  { code: '502', name: '浜田', livingArea: '08' },
  { code: '503', name: '汐見', livingArea: '08' },
];

export interface TownInfo {
  /** 町名 code; 町丁目コード = town code + 丁目 (2 digits). */
  code: string;
  name: string;
  kana: string;
  district: string;
  chome: number;
  postalCode: string;
}

export const towns: readonly TownInfo[] = [
  { code: '1010', name: '本町', kana: 'ホンチョウ', district: '101', chome: 4, postalCode: '999-0101' },
  { code: '1011', name: '栄町', kana: 'サカエマチ', district: '101', chome: 3, postalCode: '999-0102' },
  { code: '1020', name: '旭町', kana: 'アサヒマチ', district: '102', chome: 3, postalCode: '999-0111' },
  { code: '1030', name: '若葉', kana: 'ワカバ', district: '103', chome: 5, postalCode: '999-0121' },
  { code: '1040', name: '桜台', kana: 'サクラダイ', district: '104', chome: 3, postalCode: '999-0131' },
  { code: '1041', name: '梅ノ木', kana: 'ウメノキ', district: '104', chome: 2, postalCode: '999-0132' },
  { code: '2010', name: '駅前東', kana: 'エキマエヒガシ', district: '201', chome: 3, postalCode: '999-0201' },
  { code: '2020', name: '駅前西', kana: 'エキマエニシ', district: '202', chome: 3, postalCode: '999-0202' },
  { code: '2021', name: '柳町', kana: 'ヤナギマチ', district: '202', chome: 2, postalCode: '999-0203' },
  { code: '3010', name: '南町', kana: 'ミナミマチ', district: '301', chome: 4, postalCode: '999-0301' },
  { code: '3020', name: '緑ヶ丘', kana: 'ミドリガオカ', district: '302', chome: 3, postalCode: '999-0311' },
  { code: '3030', name: '南台', kana: 'ミナミダイ', district: '303', chome: 5, postalCode: '999-0321' },
  { code: '3031', name: '松原', kana: 'マツバラ', district: '303', chome: 2, postalCode: '999-0322' },
  { code: '4010', name: '北町', kana: 'キタマチ', district: '401', chome: 3, postalCode: '999-0401' },
  { code: '4020', name: '泉町', kana: 'イズミチョウ', district: '402', chome: 4, postalCode: '999-0411' },
  { code: '5010', name: '北山', kana: 'キタヤマ', district: '501', chome: 3, postalCode: '999-0501' },
  { code: '5020', name: '浜田', kana: 'ハマダ', district: '502', chome: 3, postalCode: '999-0511' },
  { code: '5030', name: '汐見町', kana: 'シオミチョウ', district: '503', chome: 2, postalCode: '999-0521' },
];

/** The center responsible for a district, through its living area. */
export function centerOfDistrict(districtCode: string): string | undefined {
  const district = districts.find((d) => d.code === districtCode);
  return district && livingAreas.find((a) => a.code === district.livingArea)?.centerId;
}
