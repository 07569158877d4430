// Words the synthetic world is written in: agencies, single-designation projects, document titles, notes.
// Nothing here is data about a real region.

/** Enforcement agencies of a city or county government; `weight` is their share of enforcement decisions. */
export const AGENCIES: ReadonlyArray<{ name: string; weight: number; core: boolean }> = [
  { name: '市场监督管理局', weight: 26, core: true },
  { name: '公安局', weight: 22, core: true },
  { name: '交通运输局', weight: 12, core: true },
  { name: '城市管理和综合执法局', weight: 12, core: true },
  { name: '生态环境局', weight: 7, core: true },
  { name: '应急管理局', weight: 5, core: true },
  { name: '自然资源和规划局', weight: 5, core: false },
  { name: '农业农村局', weight: 4, core: false },
  { name: '卫生健康委员会', weight: 4, core: false },
  { name: '文化广电旅游局', weight: 3, core: false },
  { name: '人力资源和社会保障局', weight: 3, core: false },
  { name: '住房和城乡建设局', weight: 3, core: false },
];

/** Synthetic project names for single (单项) designations of synthetic regions. */
export const PROJECTS: readonly string[] = [
  '行政执法三项制度',
  '证明事项告知承诺制',
  '行政复议规范化建设',
  '包容审慎柔性执法',
  '府院联动化解行政争议',
  '行政执法协调监督',
  '重大行政决策全过程管理',
  '合法性审查全覆盖',
  '政务公开标准化规范化',
  '法治化营商环境',
  '行政调解多元化解',
  '“一支队伍管执法”改革',
  '行政规范性文件动态清理',
  '公职律师法律顾问全覆盖',
  '基层综合执法数字化',
];

/** GB/T 2260 province prefix → the one-character abbreviation used in court case numbers (案号). */
export const PROVINCE_ABBR: Record<string, string> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '内',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '黔',
  '53': '云',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

export const DOCUMENT_SUBJECTS: readonly string[] = [
  '优化营商环境',
  '城市管理',
  '生活垃圾分类',
  '住房公积金缴存',
  '农村宅基地管理',
  '行政执法公示',
  '政府投资项目管理',
  '安全生产监督',
  '养老服务补贴',
  '市场主体登记',
  '生态环境损害赔偿',
  '公共资源交易',
  '行政裁量权基准',
  '校外培训监管',
  '物业服务管理',
  '涉企收费清理',
  '公共停车设施管理',
  '外来务工人员子女入学',
];

export const DOCUMENT_FORMS: readonly string[] = [
  '关于进一步加强{}的实施意见',
  '{}管理办法',
  '关于规范{}工作的通知',
  '{}实施细则',
  '关于{}的若干措施',
];

export const SPOTCHECK_MET_NOTES: readonly string[] = [
  '核查佐证材料，符合要求',
  '抽查案卷，符合要求',
  '实地查看，符合要求',
  '',
];
export const SPOTCHECK_UNMET_NOTES: readonly string[] = [
  '抽查案卷发现未按时公示',
  '佐证材料不完整',
  '统计数据与台账不一致',
  '制度已建立但未落实',
];

export const SELF_ASSESSMENT_EVIDENCE: readonly string[] = [
  '见年度报告',
  '见佐证材料目录',
  '见政府门户网站专栏',
  '见会议纪要',
  '',
];

export const INCIDENT_SOURCES: readonly string[] = ['省依法治省办报送', '中央依法治国办督察', '媒体报道', '部委通报'];

export const OPINION_SUBJECTS: readonly string[] = [
  '执法人员执法方式',
  '拆迁补偿',
  '校园食品安全',
  '网约车执法',
  '企业停产整治',
  '城管执法冲突',
];
