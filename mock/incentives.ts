// Demo 守信激励 catalog: partner scenic spots (信易游), deposit-free rentals (信易租), libraries
// (信易阅) and hospitals (信易医), each with its own published rule.
import type { LevelName } from '../src/domain/policy'

export interface MockIncentive {
  id: string
  category: 'travel' | 'rental' | 'reading' | 'medical'
  name: string
  provider: string
  summary: string
  benefits: { code: string; name: string; detail: string }[]
  rule: { minLevel: LevelName | null; redList: 'required' | 'alternative' | 'none' }
  claimKind: 'voucher' | 'grant' | 'none'
  address?: string
  openHours?: string
  /** the gate's hours, China time: a same-day voucher is not offered after the last entry */
  hours?: { opens: string; closes: string; lastEntry: string }
  /** who may claim it; every demo item is for a person */
  audience?: 'person' | 'enterprise'
  depositWaived?: string
  limits?: string
  howToUse?: string
  /** demo staff working at this site */
  staff?: string[]
}

const discount = (detail: string) => ({ code: 'ticket_discount', name: '门票优惠', detail })
const shuttle = { code: 'free_shuttle', name: '免费摆渡车', detail: '凭券免费乘坐景区内摆渡车一次' }
const window = { code: 'peak_window', name: '旺季专窗购票', detail: '节假日及旺季可在“信用专窗”优先购票' }
const fastLane = { code: 'fast_lane', name: '快捷通道入园', detail: '旺季经“信用快捷通道”入园，无需排队' }

export const incentives: MockIncentive[] = [
  {
    id: 'travel-lingyin', category: 'travel', name: '灵隐景区', provider: '西湖风景名胜区灵隐景区',
    summary: '守信游客门票五折，旺季走快捷通道', benefits: [discount('飞来峰景区门票 5 折（原价 45 元）'), fastLane, window],
    rule: { minLevel: '优秀', redList: 'alternative' }, claimKind: 'voucher',
    address: '杭州市西湖区灵隐路法云弄 1 号', openHours: '07:00–18:15（17:30 停止入园）', hours: { opens: '07:00', closes: '18:15', lastEntry: '17:30' }, staff: ['user-staff-verifier'],
  },
  {
    id: 'travel-xixi', category: 'travel', name: '西溪国家湿地公园', provider: '杭州西溪湿地经营管理有限公司',
    summary: '免费摆渡车，门票 8 折', benefits: [discount('湿地门票 8 折（原价 80 元）'), shuttle],
    rule: { minLevel: '良好', redList: 'alternative' }, claimKind: 'voucher',
    address: '杭州市西湖区天目山路 518 号', openHours: '08:30–17:30（17:00 停止入园）', hours: { opens: '08:30', closes: '17:30', lastEntry: '17:00' },
  },
  {
    id: 'travel-lanting', category: 'travel', name: '兰亭景区', provider: '绍兴市兰亭景区管理处',
    summary: '红名单游客免费入园', benefits: [discount('红名单游客门票全免（原价 80 元）'), window],
    rule: { minLevel: null, redList: 'required' }, claimKind: 'voucher',
    address: '绍兴市柯桥区兰亭街道兰亭村', openHours: '08:00–17:00（16:30 停止入园）', hours: { opens: '08:00', closes: '17:00', lastEntry: '16:30' },
  },
  {
    id: 'rental-bike', category: 'rental', name: '公共自行车免押金', provider: '杭州城市公共自行车服务有限公司',
    summary: '免交 200 元押金办理公共自行车租车卡', benefits: [],
    rule: { minLevel: '良好', redList: 'alternative' }, claimKind: 'grant',
    depositWaived: '200 元', limits: '每人限 1 张租车卡；单次骑行 1 小时内免费', address: '全市 4000 余个租车点', staff: ['user-staff-rental'],
  },
  {
    id: 'rental-car', category: 'rental', name: '新能源汽车分时租赁免押', provider: '杭州绿行汽车租赁有限公司',
    summary: '免交 3000 元车辆押金', benefits: [],
    rule: { minLevel: '优秀', redList: 'alternative' }, claimKind: 'grant',
    depositWaived: '3000 元', limits: '单次租期不超过 7 天；违章押金同时免除', address: '主城区 120 个网点',
  },
  {
    id: 'rental-housing', category: 'rental', name: '人才公寓租赁押金减免', provider: '杭州市安居集团',
    summary: '人才公寓免交押金（原押一付三）', benefits: [],
    rule: { minLevel: '优秀', redList: 'none' }, claimKind: 'grant',
    depositWaived: '1 个月租金', limits: '限在杭就业人员；每人限 1 套', address: '各人才公寓项目服务中心',
  },
  {
    id: 'rental-equipment', category: 'rental', name: '户外装备租赁免押', provider: '西湖户外运动装备租赁中心',
    summary: '帐篷、登山杖等装备免押金租用', benefits: [],
    rule: { minLevel: '良好', redList: 'none' }, claimKind: 'grant',
    depositWaived: '最高 500 元', limits: '同时在租不超过 3 件', address: '杭州市西湖区北山街 42 号',
  },
  {
    id: 'reading-library', category: 'reading', name: '信易阅·图书馆免押借阅', provider: '杭州图书馆',
    summary: '免押金办理读者证，可借图书增至 20 册', benefits: [],
    rule: { minLevel: '良好', redList: 'alternative' }, claimKind: 'none',
    address: '杭州市上城区解放东路 58 号', openHours: '09:00–21:00', staff: ['user-staff-counter'],
    howToUse: '到馆出示本页“核验码”，工作人员扫码或输入核验码查验后，现场办理免押读者证',
  },
  {
    id: 'medical-first', category: 'medical', name: '信易医·先诊疗后付费', provider: '杭州市第一人民医院',
    summary: '门诊、住院先诊疗后付费，出院后统一结算', benefits: [],
    rule: { minLevel: '优秀', redList: 'alternative' }, claimKind: 'none',
    address: '杭州市上城区浣纱路 261 号', openHours: '门诊 08:00–17:00',
    howToUse: '挂号时选择“信用就医”，向窗口出示本页“核验码”，查验通过后即可先诊疗后付费',
  },
]
