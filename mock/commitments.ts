// Demo 信用承诺 templates. Each (id, version) is immutable once published: a changed text is a
// new version; earlier signatures keep pointing at the text they signed.
import type { CommitmentKind } from '../src/domain/policy'

export interface MockTemplate {
  id: string
  version: number
  kind: CommitmentKind
  audience: 'person' | 'enterprise' | 'both'
  title: string
  body: string
  /** the department that accepts these commitments; its officers decide fulfilment or breach */
  department: string
}

const CREDIT_OFFICE = '杭州市发展和改革委员会（市信用办）'
const MARKET_REGULATOR = '杭州市市场监督管理局'

const enterpriseGeneral = (extra: string) => `本单位郑重承诺：
一、所提供的全部材料真实、准确、完整、有效，不存在虚假记载、误导性陈述或重大遗漏；
二、严格遵守国家法律法规和行业规范，依法诚信经营，自觉接受政府、行业组织、社会公众和新闻舆论的监督；
${extra}
如违反上述承诺，本单位自愿接受相关部门依法依规作出的处理，并同意将违诺情况记入本单位信用记录，依法向社会公开。`

export const templates: MockTemplate[] = [
  {
    id: 'tpl-food-licence', version: 1, department: MARKET_REGULATOR, kind: '审批型', audience: 'enterprise', title: '食品经营许可告知承诺书',
    body: enterpriseGeneral(`三、本单位已知晓食品经营许可的全部条件和标准，现已符合：经营场所与有毒有害场所保持规定距离，设备设施、人员健康管理、食品安全管理制度齐备；
四、在取得许可后 30 日内接受市场监管部门的现场核查，核查发现与承诺不符的，自愿承担撤销许可等后果；`),
  },
  {
    id: 'tpl-public-integrity', version: 1, department: CREDIT_OFFICE, kind: '主动公示型', audience: 'enterprise', title: '企业诚信经营承诺书',
    body: enterpriseGeneral(`三、依法纳税，按时足额缴纳社会保险费，不拖欠员工工资；
四、不制售假冒伪劣商品，不进行虚假宣传，不侵犯他人知识产权；
五、及时、如实公示企业年度报告等涉企信息；`),
  },
  {
    id: 'tpl-public-integrity', version: 2, department: CREDIT_OFFICE, kind: '主动公示型', audience: 'enterprise', title: '企业诚信经营承诺书',
    body: enterpriseGeneral(`三、依法纳税，按时足额缴纳社会保险费，不拖欠员工工资及农民工工资；
四、不制售假冒伪劣商品，不进行虚假宣传，不侵犯他人知识产权，保障消费者合法权益；
五、及时、如实公示企业年度报告等涉企信息，主动接受“信用中国”网站及地方信用门户网站公示；`),
  },
  {
    id: 'tpl-industry-tourism', version: 1, department: CREDIT_OFFICE, kind: '行业自律型', audience: 'enterprise', title: '旅游行业诚信服务承诺书',
    body: enterpriseGeneral(`三、明码标价，不欺客宰客，不强迫或变相强迫游客购物；
四、保障游客人身财产安全，按规定投保旅行社责任险；
五、建立游客投诉快速处理机制，接到投诉 24 小时内响应；`),
  },
  {
    id: 'tpl-industry-catering', version: 1, department: MARKET_REGULATOR, kind: '行业自律型', audience: 'enterprise', title: '餐饮行业“厉行节约、诚信经营”承诺书',
    body: enterpriseGeneral(`三、落实食品安全主体责任，从业人员持健康证明上岗，后厨“明厨亮灶”；
四、主动提示适量点餐，提供小份菜、打包服务，杜绝餐饮浪费；`),
  },
  {
    id: 'tpl-person-integrity', version: 1, department: CREDIT_OFFICE, kind: '主动公示型', audience: 'person', title: '个人诚信承诺书',
    body: `本人郑重承诺：
一、遵纪守法，诚实守信，在办理各类政务服务事项时如实提供个人信息和材料；
二、按时履行生效法律文书确定的义务，按时缴纳税款、社会保险费和公共事业费用；
三、遵守公共秩序和社会公德，不发布、不传播虚假信息；
如违反上述承诺，本人自愿承担相应法律责任，并同意将违诺情况记入本人信用记录。`,
  },
  {
    id: 'tpl-person-benefit', version: 1, department: CREDIT_OFFICE, kind: '审批型', audience: 'person', title: '申领公共服务事项告知承诺书（证明事项）',
    body: `本人已知晓申领事项的条件、标准和所需证明材料。本人承诺：
一、本人符合申领条件，所填写的家庭住址、婚姻状况、收入情况等信息真实准确；
二、以承诺代替的证明材料如有不实，本人自愿退回已享受的待遇，并承担相应法律责任；
三、同意行政机关依法核查本人承诺内容；
如作出不实承诺，本人同意将不实承诺情况记入本人信用记录。`,
  },
  {
    id: 'tpl-repair', version: 1, department: CREDIT_OFFICE, kind: '修复型', audience: 'both', title: '信用修复承诺书',
    body: `本人（本单位）申请对失信行为信息进行信用修复，郑重承诺：
一、已纠正失信行为、履行相关义务，所提交的修复申请材料真实、准确、完整；
二、修复后将严格遵守法律法规，诚信守法，不再发生同类失信行为；
三、同意将本承诺书在信用修复办理过程中使用，并接受社会监督；
如违反上述承诺，自愿接受相关部门依法依规作出的处理，修复决定被撤销的，相关失信信息恢复公示。`,
  },
]
