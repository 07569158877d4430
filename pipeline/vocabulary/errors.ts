// Every error a caller can cause, with its HTTP status and its message in each language. Domain code throws
// CodedError(code, params); the API answers {error: {code, params, message}} with the status written here, the
// dashboard renders the message from code and params in the user's language, and the CLI in its own.
import type { Lang, Params } from './types.ts';
import { fill } from './render.ts';

export interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}

export const errors = {
  // generic, by status
  bad_request: { status: 400, zh: '请求有误：{detail}', en: 'bad request: {detail}' },
  unauthorized: { status: 401, zh: '请先登录', en: 'log in first (POST /api/auth/login)' },
  session_expired: {
    status: 401,
    zh: '登录已过期或已退出，请重新登录',
    en: 'the session has expired or was ended; log in again',
  },
  // a session ended by a change to its account: its holder is told which (SESSION_ENDED below)
  'session_ended.password_changed': {
    status: 401,
    zh: '密码已在其他设备上修改，请使用新密码重新登录',
    en: 'the password was changed on another device; log in with the new password',
  },
  'session_ended.password_reset': {
    status: 401,
    zh: '管理员已重置密码，请使用新密码登录',
    en: 'an administrator reset the password; log in with the new password',
  },
  'session_ended.account_disabled': {
    status: 401,
    zh: '账号已停用，登录已结束',
    en: 'the account was disabled; the session has ended',
  },
  'session_ended.province_changed': {
    status: 401,
    zh: '账号所属省份已变更，请重新登录',
    en: "the account's province was changed; log in again",
  },
  login_failed: {
    status: 401,
    zh: '用户名或密码错误，或账号已停用',
    en: 'wrong username or password, or the account is disabled',
  },
  forbidden: { status: 403, zh: '无权执行此操作', en: 'you may not do this' },
  // `shifan serve` and `shifan start` cannot take their port
  'listen.in_use': {
    status: 409,
    zh: '无法在 {address} 上监听：该端口已被其他程序占用（常见的是另一个仍在运行的 shifan）。请停止该程序，或用 --port 换一个端口',
    en: 'cannot listen on {address}: another program is using the port (often an earlier shifan still running); stop it or choose another port with --port',
  },
  'listen.denied': {
    status: 403,
    zh: '无权在 {address} 上监听（1024 以下的端口需要管理员权限）：请用 --port 换一个端口',
    en: 'not allowed to listen on {address} (ports below 1024 need administrator rights); choose another port with --port',
  },
  'listen.no_address': {
    status: 400,
    zh: '无法在地址 {host} 上监听：本机没有这个地址。请用 --host 指定本机的地址（如 127.0.0.1）',
    en: 'cannot listen on {host}: this machine has no such address; give one of its addresses with --host (e.g. 127.0.0.1)',
  },
  // `shifan demo` and `shifan start`
  // a write that found the disk full (pipeline/db/storage-full.ts): the command line names the file (and suggests --db
  // when it is the database's), the API does not
  'storage.full': {
    status: 507,
    zh: '磁盘空间不足，未能写入 {path}。失败的这一步没有保存，此前已保存的数据不受影响；请腾出空间（或用 --db 把数据库放到空间充足的磁盘上）后重新运行',
    en: 'the disk is full: could not write {path}. The step that failed was not saved and the data saved before it is intact; free some space (or move the database to a larger disk with --db) and run it again',
  },
  'storage.full_file': {
    status: 507,
    zh: '磁盘空间不足，未能写入 {path}。失败的这一步没有保存，此前已保存的数据不受影响；请在该磁盘上腾出空间（或换一个空间充足的位置）后重新运行',
    en: 'the disk is full: could not write {path}. The step that failed was not saved and the data saved before it is intact; free some space on that disk (or choose a place with room) and run it again',
  },
  'storage.full_unnamed': {
    status: 507,
    zh: '磁盘空间不足，写入失败。失败的这一步没有保存，此前已保存的数据不受影响；请腾出空间后重新运行',
    en: 'the disk is full, so a write failed. The step that failed was not saved and the data saved before it is intact; free some space and run it again',
  },
  'storage.full_server': {
    status: 507,
    zh: '服务器磁盘空间不足，这次操作没有保存，已有的数据不受影响；请管理员腾出空间后重试',
    en: "the server's disk is full: this was not saved and the data already there is intact; ask the administrator to free some space, then try again",
  },
  'usage.bad_seed': {
    status: 400,
    zh: '--seed 应为非负整数，收到“{value}”',
    en: '--seed must be a whole number, got "{value}"',
  },
  'listen.bad_port': {
    status: 400,
    zh: '--port 应为 0 到 65535 之间的端口号，收到“{value}”',
    en: '--port must be a port number from 0 to 65535, got "{value}"',
  },
  // a request made while `shifan serve` or `shifan start` was starting, when the start failed
  start_failed: {
    status: 503,
    zh: '服务器启动失败，请查看运行 shifan 的终端中的错误信息',
    en: 'the server failed to start; see the error in the terminal that runs shifan',
  },
  // `shifan start` answers while its first setup runs (pipeline/cli/early-answers.ts)
  setting_up: {
    status: 503,
    zh: '系统正在准备（第 {step_number}/{steps} 步：{step|firstRunStep}），请稍后重试',
    en: 'the server is setting up (step {step_number} of {steps}: {step|firstRunStep}); retry shortly',
  },
  role_required: {
    status: 403,
    zh: '此操作需要{roles|role}账号，当前为{role|role}',
    en: 'this needs the {roles|role} role; you are {role|role}',
  },
  csrf: {
    status: 403,
    zh: '缺少或错误的 x-csrf-token 请求头，请刷新页面后重试',
    en: 'missing or wrong x-csrf-token header (the csrf_token from login or GET /api/auth/me)',
  },
  region_outside_province: {
    status: 403,
    zh: '地区 {region} 不在本省（{province}）范围内',
    en: 'region {region} is outside your province ({province})',
  },
  path_too_long: { status: 400, zh: '路径中有一段过长', en: 'a part of the path is too long' },
  bad_url: {
    status: 400,
    zh: '请求的网址无效（如百分号编码有误）',
    en: 'the address asked for is not a valid URL (for example, bad percent-encoding)',
  },
  login_throttled: {
    status: 429,
    zh: '登录失败次数过多，已暂时锁定，请 {seconds} 秒后再试',
    en: 'too many failed logins; try again in {seconds} s',
  },
  own_account: { status: 403, zh: '不能停用自己的账号', en: 'you cannot disable your own account' },
  not_found: { status: 404, zh: '未找到：{detail}', en: 'not found: {detail}' },
  route_not_found: { status: 404, zh: '没有这个接口', en: 'no such route' },
  flag_not_found: {
    status: 404,
    zh: '在可查看的地区中没有预警 {id}',
    en: 'no flag {id} among the regions you may see',
  },
  record_not_found: {
    status: 404,
    zh: '在可查看的地区中，入库批次 {load_id} 的第 {line} 行没有 {dataset} 记录',
    en: 'no {dataset} row at line {line} of load {load_id} among the regions you may see',
  },
  region_not_found: {
    status: 404,
    // No code in the text: another province's region and a code that exists nowhere must answer byte for byte alike.
    zh: '在可查看的地区中没有所请求的行政区划代码',
    en: 'no such region among the regions you may see',
  },
  watch_entry_not_found: {
    status: 404,
    zh: '在可查看的地区中没有观察名单条目 {id}',
    en: 'no watchlist entry {id} among the regions you may see',
  },
  draw_not_found: { status: 404, zh: '没有抽签 #{draw}', en: 'there is no draw #{draw}' },
  job_not_found: { status: 404, zh: '没有任务“{job}”', en: 'no job "{job}"' },
  job_run_not_found: { status: 404, zh: '没有任务运行记录 {run}', en: 'job run {run} does not exist' },
  export_file_not_found: {
    status: 404,
    zh: '{quarter} 报告包中没有文件“{file}”',
    en: 'no file "{file}" in the package of {quarter}',
  },
  not_acceptable: { status: 406, zh: '无法以请求的格式返回', en: 'cannot answer in the format asked for' },
  too_large: {
    status: 413,
    zh: '文件超过上传上限 {limit_mb} MB；更大的文件请放入收件箱目录 data/inbox 或用 shifan ingest 加载',
    en: 'the file is larger than the {limit_mb} MB upload limit; put larger files in the inbox folder data/inbox or load them with shifan ingest',
  },
  unsupported_media_type: {
    status: 415,
    zh: '请以 multipart/form-data 上传文件（“file”部分）',
    en: 'send the file as multipart/form-data with a "file" part',
  },
  too_many_requests: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'too many requests; try again later' },
  internal: {
    status: 500,
    zh: '服务器未能完成请求，错误已记录在服务器日志中',
    en: 'the server could not complete this request; the error is in the server log',
  },

  // request validation (the route schemas): one code per JSON-schema keyword
  'validation.required': { status: 400, zh: '缺少必填项 {field}', en: '{field} is required' },
  'validation.minLength': {
    status: 400,
    zh: '{field} 至少需要 {limit} 个字符',
    en: '{field} must have at least {limit} characters',
  },
  'validation.maxLength': {
    status: 400,
    zh: '{field} 最多 {limit} 个字符',
    en: '{field} must have at most {limit} characters',
  },
  'validation.minimum': { status: 400, zh: '{field} 不能小于 {limit}', en: '{field} must be at least {limit}' },
  'validation.maximum': { status: 400, zh: '{field} 不能大于 {limit}', en: '{field} must be at most {limit}' },
  'validation.type': { status: 400, zh: '{field} 应为{type|jsonType}', en: '{field} must be {type|jsonType}' },
  'validation.enum': { status: 400, zh: '{field} 应为以下之一：{allowed}', en: '{field} must be one of {allowed}' },
  'validation.pattern': {
    status: 400,
    zh: '{field} 的格式不正确（应符合 {pattern}）',
    en: '{field} does not match {pattern}',
  },
  'validation.format': {
    status: 400,
    zh: '{field} 应为{format|jsonFormat}',
    en: '{field} must be {format|jsonFormat}',
  },
  'validation.additionalProperties': {
    status: 400,
    zh: '{field} 含有未知字段 {property}',
    en: '{field} has an unknown field {property}',
  },
  'validation.out_of_range': { status: 400, zh: '{field} 超出范围', en: '{field} is out of range' },
  'validation.minItems': {
    status: 400,
    zh: '{field} 至少需要 {limit} 项',
    en: '{field} must have at least {limit} items',
  },
  'validation.maxItems': { status: 400, zh: '{field} 最多 {limit} 项', en: '{field} must have at most {limit} items' },
  'validation.uniqueItems': { status: 400, zh: '{field} 中有重复项', en: '{field} has the same item twice' },
  'validation.exclusiveMinimum': {
    status: 400,
    zh: '{field} 应大于 {limit}',
    en: '{field} must be greater than {limit}',
  },
  'validation.exclusiveMaximum': { status: 400, zh: '{field} 应小于 {limit}', en: '{field} must be less than {limit}' },
  'validation.multipleOf': {
    status: 400,
    zh: '{field} 应为 {limit} 的整数倍',
    en: '{field} must be a multiple of {limit}',
  },
  'validation.const': { status: 400, zh: '{field} 只能为 {allowed}', en: '{field} must be {allowed}' },
  'validation.minProperties': {
    status: 400,
    zh: '{field} 至少需要 {limit} 个字段',
    en: '{field} must have at least {limit} fields',
  },
  'validation.maxProperties': {
    status: 400,
    zh: '{field} 最多 {limit} 个字段',
    en: '{field} must have at most {limit} fields',
  },
  'validation.anyOf': {
    status: 400,
    zh: '{field} 不符合任何一种允许的写法',
    en: '{field} matches none of the allowed forms',
  },
  'validation.oneOf': {
    status: 400,
    zh: '{field} 应恰好符合一种允许的写法',
    en: '{field} must match exactly one of the allowed forms',
  },
  // a schema keyword without its own message: the field and the keyword, never the validator's English text
  'validation.other': {
    status: 400,
    zh: '{field} 不符合要求（{keyword}）',
    en: '{field} is not valid ({keyword})',
  },

  // the request itself, as the HTTP framework refuses it
  'body.invalid_json': {
    status: 400,
    zh: '请求正文不是有效的 JSON',
    en: 'the request body is not valid JSON',
  },
  'body.empty_json': {
    status: 400,
    zh: '请求正文为空，但内容类型为 JSON',
    en: 'the request body is empty but its content type is JSON',
  },
  'body.too_large': {
    status: 413,
    zh: '请求正文超过上限 {limit_kb} KB',
    en: 'the request body is larger than the {limit_kb} KB limit',
  },
  'body.bad_content_length': {
    status: 400,
    zh: '请求正文的长度与 Content-Length 不符',
    en: 'the request body does not have the length its Content-Length says',
  },
  request_timeout: {
    status: 408,
    zh: '请求未在时限内发送完毕',
    en: 'the request was not sent in time',
  },
  headers_too_large: {
    status: 431,
    zh: '请求头过大',
    en: 'the request headers are too large',
  },
  bad_request_line: {
    status: 400,
    zh: '请求无法解析（网址或请求头含有不允许的字符）',
    en: 'the request could not be parsed (the URL or a header has characters that are not allowed)',
  },

  // uploads
  'upload.one_file': { status: 400, zh: '每次只能上传一个文件', en: 'send one file per upload' },
  'upload.no_file': {
    status: 400,
    zh: '上传内容中没有文件（multipart 的“file”部分）',
    en: 'no file in the upload (multipart part "file")',
  },
  'upload.unknown_dataset': {
    status: 400,
    zh: '未知数据集“{dataset}”，可选：{known}',
    en: 'unknown dataset "{dataset}"; one of {known}',
  },

  // the revocation watchlist
  'watchlist.note_required': {
    status: 400,
    zh: '变更状态须填写备注说明原因',
    en: 'a status change needs a note saying why',
  },
  'watchlist.unknown_status': {
    status: 400,
    zh: '未知状态 {status}，可选：{allowed|watchStatus}',
    en: 'unknown status {status}; one of {allowed|watchStatus}',
  },
  'watchlist.bad_move': {
    status: 400,
    zh: '条目 {entry} 当前为“{from|watchStatus}”，只能改为{allowed|watchStatus}，不能改为“{to|watchStatus}”',
    en: 'entry {entry} is {from|watchStatus}; it can move to {allowed|watchStatus}, not {to|watchStatus}',
  },
  'watchlist.not_a_ground': {
    status: 400,
    zh: '“{kind|watchKind}”条目本身不构成摘牌依据：请先记录依据（虚假材料事件、已提交的回访抽查，或录入“其他情形”及理由），再对该依据摘牌',
    en: 'a {kind|watchKind} entry is never a ground for revocation by itself: record the ground (a false-materials incident, a committed spot-check draw, or an "other" entry with a reason) and revoke that',
  },
  'watchlist.bad_region': {
    status: 400,
    zh: '地区须为6位行政区划代码，收到“{region}”',
    en: 'region must be a 6-digit code, got {region}',
  },
  'watchlist.manual_ground': {
    status: 400,
    zh: '依据{ground}不能手工录入，只能选{allowed|watchGround}（依据(三)来自已确认的回访抽查）',
    en: 'ground {ground} cannot be entered by hand: one of {allowed|watchGround} (ground 3 comes from a committed spot-check draw)',
  },
  'watchlist.flags_not_of_region': {
    status: 400,
    zh: '预警 {flags} 不属于地区 {region}',
    en: 'flag(s) {flags} are not flags of region {region}',
  },
  'watchlist.reason_required': { status: 400, zh: '“其他情形”须填写理由', en: 'an "other" ground needs a reason' },

  // flag triage
  'triage.bad_decision': {
    status: 400,
    zh: '处置方式应为{allowed|triageDecision}之一，收到“{decision}”',
    en: 'decision must be one of {allowed|triageDecision}, got {decision}',
  },
  'triage.reason_required': {
    status: 400,
    zh: '“{decision|triageDecision}”须填写理由',
    en: 'a flag is {decision|triageDecision} only with a reason',
  },
  'triage.bad_flag_id': {
    status: 400,
    zh: '预警编号为 6 到 32 位十六进制字符，收到“{id}”',
    en: 'a flag id is 6 to 32 hexadecimal characters, got {id}',
  },
  'triage.ambiguous_id': {
    status: 400,
    zh: '预警编号前缀 {id} 对应多条预警，请多输入几位',
    en: 'flag id prefix {id} is ambiguous; give more characters',
  },

  // accounts
  'user.bad_username': {
    status: 400,
    zh: '用户名为 2–40 位字母、数字或 _ . -，收到“{username}”',
    en: 'a username is 2-40 letters, digits, _ . or -, got "{username}"',
  },
  'user.bad_role': {
    status: 400,
    zh: '角色应为{allowed|role}之一，收到“{role}”',
    en: 'role must be one of {allowed|role}, got "{role}"',
  },
  'user.province_required': {
    status: 400,
    zh: '省级账号须指定省份（--province）：以 0000 结尾的6位代码，如 440000',
    en: 'a provincial account needs --province, a 6-digit code ending 0000 such as 440000',
  },
  'user.province_not_allowed': {
    status: 400,
    zh: '只有省级账号有省份；{role|role}账号可查看全部地区',
    en: 'only provincial accounts have a province; {role|role} accounts see every region',
  },
  'user.password_generated': {
    status: 400,
    zh: '重置密码由系统生成，不接受指定的密码；请去掉 password 字段，新密码将在响应中显示一次',
    en: 'the reset generates the password and does not accept one: leave out the password field; the new password is in the answer, once',
  },
  'user.weak_password': { status: 400, zh: '{reason}', en: '{reason}' },
  'user.wrong_password': {
    status: 400,
    zh: '当前密码不正确，密码未修改',
    en: 'the current password is not right; the password is unchanged',
  },
  'user.same_password': {
    status: 400,
    zh: '新密码与当前密码相同，请另选一个',
    en: 'the new password is the current one; choose another',
  },
  'user.bad_province': {
    status: 400,
    zh: '省份须为以 0000 结尾的6位代码，如 440000，收到“{province}”',
    en: 'a province is a 6-digit code ending 0000 such as 440000, got "{province}"',
  },
  'user.same_province': {
    status: 400,
    zh: '{username} 已属于省份 {province}',
    en: '{username} is already in province {province}',
  },
  'user.not_disabled': { status: 400, zh: '用户 {username} 未停用', en: 'user {username} is not disabled' },
  'user.exists': { status: 400, zh: '用户 {username} 已存在', en: 'user {username} already exists' },
  'user.not_found': { status: 404, zh: '没有用户 {username}', en: 'no user {username}' },
  'user.already_disabled': {
    status: 400,
    zh: '用户 {username} 已停用',
    en: 'user {username} is already disabled',
  },

  // inspectors
  'inspector.not_found': { status: 404, zh: '检查人员名册中没有 {id}', en: 'no inspector {id} in the register' },
  'inspector.bad_load_cap': {
    status: 400,
    zh: '承担上限须为不小于 0 的整数，收到 {value}',
    en: 'load_cap must be a whole number >= 0, got {value}',
  },

  // the spot check
  'spotcheck.files_central_only': {
    status: 403,
    zh: '公布的文件列有各省地区，仅中央依法治国办和管理员可下载',
    en: 'the published files list regions of every province: central office and admin only',
  },
  'spotcheck.no_such_file': {
    status: 404,
    zh: '抽签 #{draw} 没有文件 {file}；其文件：{files}',
    en: 'draw #{draw} has no file {file}; its files: {files}',
  },
  'spotcheck.sample_size': {
    status: 400,
    zh: '请给出抽取规模：比例（如 0.1）或数量，二者选一',
    en: 'give the sample size: either proportion (e.g. "0.1") or count, not both',
  },
  'spotcheck.bad_proportion': {
    status: 400,
    zh: '抽取比例须为大于0且不超过1（100%）的小数，如 0.1 或 10%，收到“{value}”',
    en: 'proportion must be a decimal above 0 and at most 1 (100%) such as 0.1 or 10%, got "{value}"',
  },
  'spotcheck.bad_count': {
    status: 400,
    zh: '抽取数量须为1到{total}之间的整数，收到 {value}',
    en: 'count must be a whole number from 1 to {total}, got {value}',
  },
  'spotcheck.count_over_pool': {
    status: 400,
    zh: '抽取数量 {value} 大于抽样池（{total} 个地区）',
    en: 'count {value} is larger than the pool ({total} regions)',
  },
  'spotcheck.bad_minimum': {
    status: 400,
    zh: '每层最少抽取数须为不小于1的整数，收到 {value}',
    en: 'the per-stratum minimum must be a whole number of at least 1, got {value}',
  },
  'spotcheck.redraw_reason': {
    status: 400,
    zh: '重抽须写明理由（--reason "…"）',
    en: 'a redraw needs a reason, stated in words (--reason "...")',
  },
  'spotcheck.superseded': {
    status: 400,
    zh: '抽签 #{draw} 已被抽签 #{by} 替代，请对后者操作',
    en: 'draw #{draw} was already superseded by draw #{by}; use that one instead',
  },
  'spotcheck.never_drawn': {
    status: 400,
    zh: '抽签 #{draw} 尚未抽签，重抽须给出 --proportion 或 --count',
    en: 'draw #{draw} was never drawn, so give --proportion or --count for the redraw',
  },
  'spotcheck.year_or_draw': {
    status: 400,
    zh: '请给出年度（--year）或已冻结的抽签（--draw）',
    en: 'give the year (--year) or the frozen draw (--draw)',
  },
  'spotcheck.changed_meanwhile': {
    status: 409,
    zh: '抽签 #{draw} 在抽取过程中状态已变化，未写入任何内容',
    en: 'draw #{draw} changed state while it was being drawn; nothing was written',
  },
  'spotcheck.criterion_required': {
    status: 400,
    zh: '定向核查须写明风险依据（--criterion "…"）',
    en: 'a risk-targeted check needs its criterion, stated in words (--criterion "...")',
  },
  'spotcheck.already_sampled': {
    status: 400,
    zh: '地区 {region} 已在抽签 #{draw} 的随机样本中',
    en: 'region {region} is already in the random sample of draw #{draw}',
  },
  'spotcheck.unknown_region': {
    status: 400,
    zh: '地区 {region} 不在示范地区名录中',
    en: 'region {region} is not in the regions list',
  },
  'spotcheck.bad_seed': {
    status: 400,
    zh: '随机种子须为至少 {digits} 位数字（公开现场掷十面骰产生），收到“{seed}”',
    en: 'the seed must be at least {digits} decimal digits and nothing else (rolls of a ten-sided die in a public meeting), got "{seed}"',
  },
  'spotcheck.not_drawable': {
    status: 400,
    zh: '抽签 #{draw} 当前为“{state|drawState}”，只有当前的已冻结抽样池可以输入种子',
    en: 'draw #{draw} is {state|drawState}; only a current frozen pool can take a seed',
  },
  'spotcheck.not_committable': {
    status: 400,
    zh: '抽签 #{draw} 当前为“{state|drawState}”，只有当前的已抽签结果可以确认',
    en: 'draw #{draw} cannot be committed: it is {state|drawState} (only a drawn, current draw can be)',
  },
  'spotcheck.already_drawn': {
    status: 400,
    zh: '{year} 年回访抽查已有{state|drawState}的抽签 #{draw}，抽签结果不可更改；如需重抽请说明理由（shifan spotcheck redraw {draw} --reason "..."）',
    en: 'the {year} spot check already has {state|drawState} draw #{draw}; a drawn draw never changes — use `shifan spotcheck redraw {draw} --reason "..."`',
  },
  'spotcheck.no_pool': {
    status: 400,
    zh: '{year} 年尚无冻结的抽样池：请先冻结抽样池（shifan spotcheck freeze --year {year}）并在输入种子前公布其 pool_sha256',
    en: 'no frozen pool for {year}: run `shifan spotcheck freeze --year {year}` and publish its pool_sha256 before the seed is rolled',
  },
  'spotcheck.empty_pool': {
    status: 400,
    zh: '{year} 年没有符合条件的地区可供抽查（{year} 年前已命名的示范地区，排除：{exclusions|drawExclusion}）',
    en: 'no region is eligible for the {year} spot check (designated, named by {year}, after exclusions: {exclusions|drawExclusion})',
  },
  'spotcheck.bad_year': {
    status: 400,
    zh: '年度应为如 2025 的年份，收到 {year}',
    en: 'year must be a year such as 2025, got {year}',
  },
  'spotcheck.unknown_strata': {
    status: 400,
    zh: '未知分层方式“{value}”，可选：{allowed}',
    en: 'unknown strata "{value}"; one of {allowed}',
  },
  'spotcheck.unknown_exclusion': {
    status: 400,
    zh: '未知排除项“{value}”，可选：{allowed}',
    en: 'unknown exclusion "{value}"; one of {allowed}',
  },
  'spotcheck.inspector_shortage': {
    status: 400,
    zh: '地区 {region} 可派检查人员不足：检查组需要 {team} 人，只有 {can_go} 人可去（在岗检查人员 {active} 人，其中 {conflicted} 人来自本省 {province}，{full} 人已达工作量上限）；请导入更多检查人员或提高工作量上限后重新抽签',
    en: 'not enough eligible inspectors for region {region}: the team needs {team}, only {can_go} can go ({active} active inspectors: {conflicted} from province {province}, {full} at their load cap); import more inspectors or raise load caps, then draw again',
  },
  'spotcheck.bad_team_size': {
    status: 400,
    zh: '检查组人数须为不小于 1 的整数，收到 {value}',
    en: 'team size must be a whole number of at least 1, got {value}',
  },

  // the naming round (pipeline/naming)
  'naming.round_not_found': {
    status: 404,
    zh: '没有认定批次 {round}（用 shifan round create 创建）',
    en: 'there is no naming round {round} (create it with shifan round create)',
  },
  'naming.round_exists': { status: 400, zh: '认定批次 {round} 已存在', en: 'naming round {round} already exists' },
  'naming.bad_round_id': {
    status: 400,
    zh: '认定批次编号应为年份，可带后缀（如 2026、2026-b），收到“{value}”',
    en: 'a round id is a year with an optional suffix (2026, 2026-b); got "{value}"',
  },
  'naming.bad_batch': {
    status: 400,
    zh: '批次应为正整数，收到 {value}',
    en: 'the batch is a whole number of at least 1; got {value}',
  },
  'naming.bad_year': {
    status: 400,
    zh: '年度应为 2019–2100 的年份，收到 {value}',
    en: 'the year must lie between 2019 and 2100; got {value}',
  },
  'naming.unknown_fields': {
    status: 400,
    zh: '未知的单项示范领域：{fields}（可选：{known}）',
    en: 'unknown single-item fields: {fields} (known: {known})',
  },
  'naming.bad_data_years': {
    status: 400,
    zh: '申报地区数据年度应在认定年度之前且起止有序，收到 {from}–{to}（认定年度 {year}）',
    en: "the applicants' data years must come before the round's year, in order; got {from}–{to} (round year {year})",
  },
  'naming.bad_field_check_rule': {
    status: 400,
    zh: '实地核查名单规则写作 top:K（排名前 K 位，并列者一并列入）或 min:S（得分不低于 S，0–100），收到“{value}”',
    en: 'a field-check rule is top:K (the K best ranked, ties at the cut included) or min:S (score ≥ S, 0–100); got "{value}"',
  },
  'naming.not_rankable': {
    status: 400,
    zh: '没有可排名的申报地区：需要初审推荐、第三方评估和满意度测评结果',
    en: 'no applicant can be ranked: each needs a provincial recommendation, a third-party evaluation and a satisfaction survey',
  },
  'naming.no_field_check_list': {
    status: 400,
    zh: '认定批次 {round} 还没有实地核查名单，请先生成（shifan applications fieldcheck）',
    en: 'naming round {round} has no field-check list yet; make it first (shifan applications fieldcheck)',
  },
  'naming.not_listable': {
    status: 400,
    zh: '不能列入候选名单：{problems}',
    en: 'cannot put on the candidate list: {problems}',
  },
  'naming.notice_published': {
    status: 400,
    zh: '认定批次 {round} 已公示',
    en: 'the notice of naming round {round} is already published',
  },
  'naming.no_candidates': {
    status: 400,
    zh: '候选名单为空，不能公示',
    en: 'the candidate list is empty; there is nothing to publish',
  },
  'naming.no_notice': {
    status: 400,
    zh: '候选名单尚未公示，不能作出命名决定',
    en: 'the candidate list has not been published; no naming decision can be made yet',
  },
  'naming.notice_running': {
    status: 400,
    zh: '公示期至 {ends_on}（含），命名决定须在公示期满后作出',
    en: 'the notice runs to {ends_on} inclusive; a naming decision comes after it ends',
  },
  'naming.not_candidate': { status: 400, zh: '{region} 不在候选名单上', en: '{region} is not on the candidate list' },
  'naming.decided': {
    status: 400,
    zh: '{region} 已有决定（{decision|namingDecision}）',
    en: '{region} already has a decision ({decision|namingDecision})',
  },
  'naming.objections_pending': {
    status: 400,
    zh: '{region} 有 {count} 件异议尚未处理完毕',
    en: '{region} has {count} objections still being handled',
  },
  'naming.objection_upheld': {
    status: 400,
    zh: '{region} 有成立的异议，不能命名',
    en: '{region} has an upheld objection and cannot be named',
  },
  'naming.reason_required': { status: 400, zh: '请写明决定理由', en: 'state the reason for the decision' },
  'naming.directory_failed': {
    status: 500,
    zh: '命名已记录，但写入示范地区名录失败（入库状态：{status|loadStatus}）',
    en: 'the naming is recorded but writing it to the regions directory failed (load status: {status|loadStatus})',
  },
  'naming.no_application': {
    status: 400,
    zh: '认定批次 {round} 没有 {region} 的申报，请先载入申报表',
    en: 'naming round {round} has no application of {region}; load the applications first',
  },
  'naming.bad_report_format': {
    status: 400,
    zh: '{file}：自评报告应为 PDF、DOCX 或 TXT 文件',
    en: '{file}: a self-assessment report is a PDF, DOCX or TXT file',
  },
  'naming.unreadable_report': {
    status: 400,
    zh: '{file}：无法读取文本',
    en: '{file}: its text could not be read',
  },
  'naming.export_missing': {
    status: 404,
    zh: '认定批次 {round} 还没有导出文件 {file}，请先生成导出文件',
    en: 'naming round {round} has no exported file {file} yet; write the exports first',
  },
  // why an applicant cannot go on the candidate list (the parts of naming.not_listable)
  'naming.problem.listed': {
    status: 400,
    zh: '{region} 已在候选名单上',
    en: '{region} is already on the candidate list',
  },
  'naming.problem.not_on_list': {
    status: 400,
    zh: '{region} 不在实地核查名单上',
    en: '{region} is not on the field-check list',
  },
  'naming.problem.no_results': {
    status: 400,
    zh: '{region} 没有实地核查结果',
    en: '{region} has no field-check results',
  },
  'naming.problem.below_bar': {
    status: 400,
    zh: '{region} 实地核查达标 {confirmed}/{checked}（{share:rate}），低于综合示范要求的 {bar:rate}',
    en: '{region}: {confirmed} of {checked} field-check items confirmed ({share:rate}), below the {bar:rate} a comprehensive designation needs',
  },

  // the inspector register (pipeline/spotcheck/inspectors.ts): a bad row refuses the whole file, naming its line
  'inspectors.bad_rows': {
    status: 400,
    zh: '{file}：{count} 行有误，未导入任何检查员：{problems}',
    en: '{file}: {count} bad row(s), nothing imported: {problems}',
  },
  'inspectors.empty_id': {
    status: 400,
    zh: '{file}:{line}：检查员编号（inspector_id）为空',
    en: '{file}:{line}: inspector_id is empty',
  },
  'inspectors.example_row': {
    status: 400,
    zh: '{file}:{line}：检查员编号 {value} 是模板中的示例行，请删除该行后填入真实检查员',
    en: '{file}:{line}: inspector_id {value} is an example row of the template; delete it and enter real inspectors',
  },
  'inspectors.duplicate_id': {
    status: 400,
    zh: '{file}:{line}：检查员编号 {value} 在文件中出现 {copies} 次',
    en: '{file}:{line}: inspector_id {value} appears {copies} times in the file',
  },
  'inspectors.empty_name': { status: 400, zh: '{file}:{line}：姓名（name）为空', en: '{file}:{line}: name is empty' },
  'inspectors.bad_province': {
    status: 400,
    zh: '{file}:{line}：籍贯省份代码应为省级行政区划代码（6位，以0000结尾），实为“{value}”',
    en: '{file}:{line}: home_province_code must be a province code (6 digits ending 0000), found "{value}"',
  },
  'inspectors.bad_load_cap': {
    status: 400,
    zh: '{file}:{line}：工作量上限应为不小于0的整数，实为“{value}”',
    en: '{file}:{line}: load_cap must be a whole number >= 0, found "{value}"',
  },
  'inspectors.bad_active': {
    status: 400,
    zh: '{file}:{line}：在岗应为 是/否（true/false、1/0），实为“{value}”',
    en: '{file}:{line}: active must be true/false (or 1/0, yes/no, 是/否), found "{value}"',
  },

  // exports
  'export.bad_quarter': {
    status: 400,
    zh: '季度写作 YYYYQn，如 2025Q3，收到“{value}”',
    en: 'a quarter is written YYYYQn, e.g. 2025Q3; got "{value}"',
  },
  'export.exists': {
    status: 409,
    zh: '{quarter} 的季度报告已于 {generated_at:datetime} 生成，不会被覆盖。如确需重新生成，请勾选“重新生成”（命令行加 --rebuild）：原报告将另存于导出目录的历史版本文件夹中，不会删除，并记入审计日志',
    en: 'the {quarter} package was generated on {generated_at:datetime} and is not replaced. To generate it again, tick "Rebuild" (on the command line add --rebuild): the earlier package is kept, not deleted, in the superseded folder beside the packages, and the rebuild is audit-logged',
  },
  'export.no_refresh': {
    status: 409,
    zh: '数据库中还没有完成的刷新：请先刷新指标，再导出',
    en: 'no finished refresh in this database: run a refresh first, then export',
  },
} satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof errors;

/** Why a session ended without its holder signing out (pipeline/users sessionEnd), as the error code a request with
 *  it is refused with: the dashboard goes back to its login page and says why there. */
export const SESSION_ENDED = {
  expired: 'session_expired',
  password_changed: 'session_ended.password_changed',
  password_reset: 'session_ended.password_reset',
  account_disabled: 'session_ended.account_disabled',
  province_changed: 'session_ended.province_changed',
} as const satisfies Record<string, ErrorCode>;
export type SessionEndedCode = (typeof SESSION_ENDED)[keyof typeof SESSION_ENDED];
export const isSessionEnded = (code: string | undefined): code is SessionEndedCode =>
  (Object.values(SESSION_ENDED) as string[]).includes(code ?? '');

/** An error a caller caused, with its code and parameters; message is the English rendering for logs. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;
  constructor(code: ErrorCode, params: Params = {}) {
    super(renderError(code, params, 'en'));
    this.name = 'CodedError';
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return errors[this.code].status;
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errors, code);
}

export function errorStatus(code: string): number {
  return isErrorCode(code) ? errors[code].status : 500;
}

/** The language a request asks for by its Accept-Language header: English when it starts with "en", else Chinese. */
export function langOfAcceptLanguage(header: string | string[] | undefined): Lang {
  return /^en/i.test(String(header ?? '')) ? 'en' : 'zh';
}

/** The one error body of the API and of what answers before it: {error: {code, params, message}}, message in LANG. */
export function errorBody(code: ErrorCode, params: Params, lang: Lang) {
  return { error: { code, params, message: renderError(code, params, lang) } };
}

/** The message of an error code in a language; an unknown code shows the detail it came with. */
export function renderError(code: string, params: Params | null | undefined, lang: Lang): string {
  if (!isErrorCode(code)) return String(params?.detail ?? code);
  return fill(errors[code], renderNested(params ?? {}, lang), lang);
}

/** A parameter that is a list of coded parts ({code, params}: the reasons of one refusal) reads as their messages. */
function renderNested(params: Params, lang: Lang): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params))
    out[k] =
      Array.isArray(v) && v.every((x) => x && typeof x === 'object' && 'code' in x)
        ? v
            .map((x: { code: string; params?: Params }) => renderError(x.code, x.params, lang))
            .join(lang === 'zh' ? '；' : '; ')
        : v;
  return out;
}
