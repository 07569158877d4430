// The national template of the 政府信息公开工作年度报告 (annual report on government information disclosure), as
// data: its sections, rows and columns in both variants. One definition read by the report parser, the balance
// checks, the dataset's columns and the demo's renderings. The 2021 variant follows 国办公开办函〔2021〕30号 and
// governs reports on 2021 and later; reports on 2019 and 2020 follow the 2019 variant.
// Row and column codes are ours (stable, English); labels are the template's own wording.

export type TemplateVersion = '2019' | '2021';

export const templateVersions: readonly TemplateVersion[] = ['2019', '2021'];

/** The variant a report on `year` is expected to use (the content decides when it says otherwise). */
export function expectedTemplate(year: number): TemplateVersion {
  return year <= 2020 ? '2019' : '2021';
}

export interface TemplateColumn {
  code: string;
  label: string;
}

export interface ActiveRow {
  code: string;
  label: string;
  /** Words that identify the row in a real report (the first that matches wins; order rows specific-first). */
  keywords: string[];
}

/** A block of section 二 (主动公开政府信息情况): one item of Article 20 with its column headers and rows. */
export interface ActiveBlock {
  item: string;
  columns: TemplateColumn[];
  rows: ActiveRow[];
}

const decisions2019: TemplateColumn[] = [
  { code: 'prev_items', label: '上一年项目数量' },
  { code: 'change', label: '本年增/减' },
  { code: 'decisions', label: '处理决定数量' },
];

export const activeBlocks: Record<TemplateVersion, ActiveBlock[]> = {
  '2021': [
    {
      item: '第二十条第（一）项',
      columns: [
        { code: 'issued', label: '本年制发件数' },
        { code: 'repealed', label: '本年废止件数' },
        { code: 'in_force', label: '现行有效件数' },
      ],
      rows: [
        { code: 'rules', label: '规章', keywords: ['规章'] },
        { code: 'normative', label: '行政规范性文件', keywords: ['规范性文件'] },
      ],
    },
    {
      item: '第二十条第（五）项',
      columns: [{ code: 'decisions', label: '本年处理决定数量' }],
      rows: [{ code: 'licences', label: '行政许可', keywords: ['行政许可'] }],
    },
    {
      item: '第二十条第（六）项',
      columns: [{ code: 'decisions', label: '本年处理决定数量' }],
      rows: [
        { code: 'penalties', label: '行政处罚', keywords: ['行政处罚'] },
        { code: 'coercions', label: '行政强制', keywords: ['行政强制'] },
      ],
    },
    {
      item: '第二十条第（八）项',
      columns: [{ code: 'amount', label: '本年收费金额（单位：万元）' }],
      rows: [{ code: 'fees', label: '行政事业性收费', keywords: ['行政事业性收费'] }],
    },
  ],
  '2019': [
    {
      item: '第二十条第（一）项',
      columns: [
        { code: 'made', label: '本年新制作数量' },
        { code: 'published', label: '本年新公开数量' },
        { code: 'total', label: '对外公开总数量' },
      ],
      rows: [
        { code: 'rules', label: '规章', keywords: ['规章'] },
        { code: 'normative', label: '规范性文件', keywords: ['规范性文件'] },
      ],
    },
    {
      item: '第二十条第（五）项',
      columns: decisions2019,
      rows: [
        { code: 'licences', label: '行政许可', keywords: ['行政许可'] },
        { code: 'other_services', label: '其他对外管理服务事项', keywords: ['其他对外管理服务事项', '对外管理服务'] },
      ],
    },
    {
      item: '第二十条第（六）项',
      columns: decisions2019,
      rows: [
        { code: 'penalties', label: '行政处罚', keywords: ['行政处罚'] },
        { code: 'coercions', label: '行政强制', keywords: ['行政强制'] },
      ],
    },
    {
      item: '第二十条第（八）项',
      columns: [
        { code: 'prev_items', label: '上一年项目数量' },
        { code: 'change', label: '本年增/减' },
      ],
      rows: [{ code: 'fees', label: '行政事业性收费', keywords: ['行政事业性收费'] }],
    },
    {
      item: '第二十条第（九）项',
      columns: [
        { code: 'items', label: '采购项目数量' },
        { code: 'amount', label: '采购总金额' },
      ],
      rows: [{ code: 'procurement', label: '政府集中采购', keywords: ['政府集中采购'] }],
    },
  ],
};

/** Blocks a report may leave out without being unreadable ("some reports add 第(九)项"). */
export const optionalActiveRows = new Set(['procurement', 'other_services']);

/** Section 三's columns: who applied. 总计 is the sum of the six before it. */
export const applicantColumns: TemplateColumn[] = [
  { code: 'natural', label: '自然人' },
  { code: 'business', label: '商业企业' },
  { code: 'research', label: '科研机构' },
  { code: 'social', label: '社会公益组织' },
  { code: 'legal_services', label: '法律服务机构' },
  { code: 'other', label: '其他' },
  { code: 'total', label: '总计' },
];

export interface RequestRow {
  /** e.g. `new`, `withheld.3` */
  code: string;
  /** The group a sub-row belongs to (`withheld` for `withheld.3`); the row's own code otherwise. */
  group: string;
  label: string;
  /** Distinctive words of the label, matched on the normalised text (no spaces, half-width punctuation). */
  keywords: string[];
}

function sub(group: string, n: number, label: string, keywords: string[]): RequestRow {
  return { code: `${group}.${n}`, group, label: `${n}.${label}`, keywords };
}

const requestHead: RequestRow[] = [
  { code: 'new', group: 'new', label: '一、本年新收政府信息公开申请数量', keywords: ['本年新收'] },
  { code: 'carried_over', group: 'carried_over', label: '二、上年结转政府信息公开申请数量', keywords: ['上年结转'] },
  { code: 'disclosed', group: 'disclosed', label: '（一）予以公开', keywords: ['予以公开'] },
  {
    code: 'partly',
    group: 'partly',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    keywords: ['部分公开'],
  },
  sub('withheld', 1, '属于国家秘密', ['国家秘密']),
  sub('withheld', 2, '其他法律行政法规禁止公开', ['禁止公开']),
  sub('withheld', 3, '危及“三安全一稳定”', ['三安全一稳定', '危及']),
  sub('withheld', 4, '保护第三方合法权益', ['第三方合法权益']),
  sub('withheld', 5, '属于三类内部事务信息', ['内部事务']),
  sub('withheld', 6, '属于四类过程性信息', ['过程性信息']),
  sub('withheld', 7, '属于行政执法案卷', ['行政执法案卷']),
  sub('withheld', 8, '属于行政查询事项', ['行政查询事项']),
  sub('unable', 1, '本机关不掌握相关政府信息', ['不掌握']),
  sub('unable', 2, '没有现成信息需要另行制作', ['另行制作']),
  sub('unable', 3, '补正后申请内容仍不明确', ['仍不明确']),
  sub('not_processed', 1, '信访举报投诉类申请', ['信访举报投诉']),
  sub('not_processed', 2, '重复申请', ['重复申请']),
  sub('not_processed', 3, '要求提供公开出版物', ['公开出版物']),
  sub('not_processed', 4, '无正当理由大量反复申请', ['大量反复']),
  sub('not_processed', 5, '要求行政机关确认或重新出具已获取信息', ['重新出具', '确认或重新']),
];

const requestTail: RequestRow[] = [
  { code: 'total', group: 'total', label: '（七）总计', keywords: ['总计'] },
  { code: 'carried_forward', group: 'carried_forward', label: '四、结转下年度继续办理', keywords: ['结转下年度'] },
];

export const requestRows: Record<TemplateVersion, RequestRow[]> = {
  '2021': [
    ...requestHead,
    sub('other', 1, '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正']),
    sub('other', 2, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['缴纳费用']),
    sub('other', 3, '其他', ['其他']),
    ...requestTail,
  ],
  '2019': [
    ...requestHead,
    { code: 'other', group: 'other', label: '（六）其他处理', keywords: ['其他处理'] },
    ...requestTail,
  ],
};

/** The groups whose rows make up 三、本年度办理结果 (the handled total (七) is their sum). */
export const handledGroups = ['disclosed', 'partly', 'withheld', 'unable', 'not_processed', 'other'] as const;

/** The group headings of 三、本年度办理结果 that carry no numbers of their own in the template. */
export const requestGroupLabels: Record<string, string> = {
  handled: '三、本年度办理结果',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

/** Section 四: three groups of five numbers, in the template's order. */
export const reviewGroups: TemplateColumn[] = [
  { code: 'reconsideration', label: '行政复议' },
  { code: 'litigation_direct', label: '未经复议直接起诉' },
  { code: 'litigation_after', label: '复议后起诉' },
];

export const reviewColumns: TemplateColumn[] = [
  { code: 'upheld', label: '结果维持' },
  { code: 'corrected', label: '结果纠正' },
  { code: 'other', label: '其他结果' },
  { code: 'pending', label: '尚未审结' },
  { code: 'total', label: '总计' },
];

export const sectionHeadings = {
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
} as const;

export const REPORT_TITLE_SUFFIX = '政府信息公开工作年度报告';

/** Words found only in one variant's tables: how a report tells which template it follows. */
export const templateMarkers: Record<TemplateVersion, string[]> = {
  '2021': ['本年制发件数', '现行有效件数', '本年处理决定数量', '逾期不补正', '本年收费金额'],
  '2019': ['本年新制作数量', '对外公开总数量', '上一年项目数量', '其他对外管理服务事项'],
};
