// 守信激励: the user's standing (level, red list, 严重失信, 绿色通道), the incentives with whether
// they may use each and why, and the ways to their vouchers, grants and authorisations. Nothing
// personal is shown before consent and login: the page says what to do instead.
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import EntryGrid from '../../features/catalog/components/entry-grid'
import Icon from '../../components/icon'
import StateView from '../../components/state-view'
import { useProfileRefresh } from '../../features/account/use-profile-refresh'
import { incentives as programmes, type ServiceEntry } from '../../features/catalog/entries'
import CategoryTabs from '../../features/incentives/components/category-tabs'
import IncentiveCard from '../../features/incentives/components/incentive-card'
import StandingCard from '../../features/incentives/components/standing-card'
import { CATEGORY_TABS } from '../../features/incentives/labels'
import { incentiveRoutes } from '../../features/incentives/routes'
import { hasRole } from '../../features/incentives/staff'
import { openPage, routes } from '../../platform/navigation'
import { fetchCatalog, type IncentiveCategory } from '../../services/incentives-api'
import { useAuthStore } from '../../stores/auth'
import PageShell from '../../components/page-shell'
import { useGate } from '../../hooks/use-gate'
import { useQuery } from '../../hooks/use-query'
import certificateIcon from '../../assets/icons/certificate.svg'
import depositIcon from '../../assets/icons/deposit.svg'
import inboxIcon from '../../assets/icons/inbox.svg'
import keyIcon from '../../assets/icons/key.svg'
import scanIcon from '../../assets/icons/scan.svg'
import ticketIcon from '../../assets/icons/ticket.svg'
import userIcon from '../../assets/icons/user.svg'
import './index.scss'

type Filter = IncentiveCategory | 'all'

const myEntries: ServiceEntry[] = [
  { id: 'vouchers', title: '我的卡券', icon: ticketIcon, description: '信易游卡券', url: incentiveRoutes.vouchers },
  { id: 'grants', title: '免押资格', icon: depositIcon, description: '信易租免押资格', url: incentiveRoutes.grants },
  { id: 'authorizations', title: '授权管理', icon: keyIcon, description: '授权合作方查验', url: incentiveRoutes.authorizations },
  { id: 'certificate', title: '资格证明', icon: certificateIcon, description: '绿色通道资格证明', url: incentiveRoutes.certificate },
]

function Workbench() {
  const user = useAuthStore((s) => s.user)
  const tools: { title: string; desc: string; icon: string; url: string }[] = []
  if (hasRole(user, 'verifier')) tools.push({ title: '扫码核销', desc: '核销游客的信易游卡券', icon: scanIcon, url: incentiveRoutes.verify })
  if (hasRole(user, 'rental_partner')) {
    tools.push({ title: '免押资格查验', desc: '经用户授权，查验信易租免押资格', icon: depositIcon, url: incentiveRoutes.grantCheck })
  }
  if (hasRole(user, ['counter', 'officer'])) {
    tools.push({ title: '核验码查验', desc: '查验信易阅、信易医、绿色通道核验码', icon: scanIcon, url: incentiveRoutes.passCheck })
  }
  if (tools.length === 0) return null
  return (
    <View className='card workbench'>
      <View className='workbench-head'>
        <Text className='section-title workbench-title'>工作台</Text>
        {user?.orgName && <Text className='workbench-org'>{user.orgName}</Text>}
      </View>
      {tools.map((t) => (
        <View key={t.url} className='workbench-item' role='link' aria-label={t.title} onClick={() => openPage(t.url)}>
          <View className='workbench-icon'>
            <Icon className='workbench-icon-img' src={t.icon} />
          </View>
          <View className='workbench-text'>
            <Text className='workbench-item-title'>{t.title}</Text>
            <Text className='workbench-item-desc'>{t.desc}</Text>
          </View>
          <Text className='workbench-chevron'>›</Text>
        </View>
      ))}
    </View>
  )
}

/** What the four programmes are, for someone who cannot see their own eligibility yet. */
function Programmes() {
  return (
    <View className='card'>
      <Text className='section-title'>守信者处处便利</Text>
      {programmes.map((p) => (
        <View key={p.id} className='programme'>
          <View className='programme-icon'>
            <Icon className='programme-icon-img' src={p.icon} />
          </View>
          <View className='programme-text'>
            <Text className='programme-title'>{p.title}</Text>
            <Text className='programme-desc'>{p.description}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

const gate = { realName: true } as const

export default function IncentivesPage() {
  const { step, scope } = useGate(gate)
  useProfileRefresh()
  const [filter, setFilter] = useState<Filter>('all')
  const filterRef = useRef<Filter>('all')
  // Later shows (back from a claim) refresh in place.
  const catalog = useQuery(scope && `catalog|${scope}`, () => fetchCatalog(filterRef.current === 'all' ? undefined : filterRef.current), {
    topics: ['vouchers', 'grants', 'credit'],
    refetchOnShow: true,
  })

  const changeFilter = (next: Filter) => {
    filterRef.current = next
    setFilter(next)
    void catalog.reload()
  }

  if (step) {
    // Not ready: it invites the missing step and lists the programmes anyone may read about.
    return (
      <PageShell name='incentives' consent>
        {step === 'consent' && (
          <StateView icon={userIcon} title='查看您能享受的守信激励' description='同意隐私政策并登录后，这里会按您本人的信用状况，逐项说明能否享受以及原因。' />
        )}
        {step === 'login' && (
          <StateView
            icon={userIcon}
            title='登录后查看您能享受的守信激励'
            description='我们会按您本人的信用状况，逐项说明能否享受以及原因。'
            actionText='登录 / 注册'
            onAction={() => openPage(routes.login)}
          />
        )}
        {step === 'real-name' && (
          <StateView
            icon={userIcon}
            title='完成实名认证后查看'
            description='守信激励按本人的公共信用信息确定，实名认证后才能查询。'
            actionText='去实名认证'
            onAction={() => openPage(routes.realName)}
          />
        )}
        <Programmes />
      </PageShell>
    )
  }

  return (
    <PageShell name='incentives' consent query={catalog} skeleton={{ lines: 4, label: '正在加载守信激励' }} errorTitle='守信激励暂时无法加载'>
      {(data) => {
        // Filter what is on screen at once; the server's answer for the tab follows.
        const items = data.items.filter((i) => filter === 'all' || i.category === filter)
        return (
          <>
            <StandingCard catalog={data} />
            <View className='card'>
              <EntryGrid entries={myEntries} />
            </View>
            <Workbench />

            <CategoryTabs tabs={CATEGORY_TABS} value={filter} onChange={changeFilter} />
            {items.length === 0 ? (
              <StateView icon={inboxIcon} title='该类别暂无合作项目' description='更多合作单位正在接入，敬请期待。' />
            ) : (
              items.map((item) => <IncentiveCard key={item.id} item={item} />)
            )}
            <Text className='incentives-note'>各项目的享受条件由合作单位公布；列入严重失信主体名单的，依法不能享受守信激励。</Text>
          </>
        )
      }}
    </PageShell>
  )
}
