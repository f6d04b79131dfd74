// 免押资格: the user's 信易租 grants, each with the code to show the partner and the way to
// authorise that partner's check.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import NothingClaimed from '../../../../features/incentives/components/nothing-claimed'
import { grantTone } from '../../../../features/incentives/labels'
import { authorizationsUrl } from '../../../../features/incentives/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchGrants, type Grant } from '../../../../services/incentives-api'
import InfoRows from '../../components/info-rows'
import depositIcon from '../../../../assets/icons/deposit.svg'
import './index.scss'

function GrantCard({ grant }: { grant: Grant }) {
  const live = grant.status === 'active'
  return (
    <View className={`card grant ${live ? '' : 'grant-off'}`} data-grant={grant.id}>
      <View className='grant-head'>
        <View className='grant-title-box'>
          <Text className='grant-name'>{grant.name}</Text>
          <Text className='grant-partner'>{grant.partner}</Text>
        </View>
        <Text className={`tag tag-${grantTone(grant.status)}`}>{grant.statusText}</Text>
      </View>
      <View className='grant-code-box'>
        <Text className='grant-code-label'>免押资格码（办理时出示给合作方）</Text>
        <Text className='grant-code'>{grant.code}</Text>
      </View>
      <InfoRows
        rows={[
          { label: '免押金额', value: grant.depositWaived },
          { label: '使用限制', value: grant.limits },
          { label: '有效期至', value: grant.validUntil },
        ]}
      />
      {live && (
        <ActionButton kind='secondary' className='grant-auth' onClick={() => openPage(authorizationsUrl(grant.incentiveId))}>
          授权合作方查验
        </ActionButton>
      )}
    </View>
  )
}

const gate = { realName: true } as const

export default function GrantsPage() {
  const { scope } = useGate(gate)
  // shown again after the partner's check: asks the server again every time
  const list = useQuery(scope && `grants|${scope}`, fetchGrants, { topics: ['grants'], refetchOnShow: true })
  return (
    <PageShell
      name='grants'
      gate={gate}
      what='查看免押资格'
      query={list}
      skeleton={{ cards: 2, lines: 4, label: '正在加载免押资格' }}
      errorTitle='免押资格暂时无法加载'
      empty={
        <NothingClaimed
          scope={scope}
          what='申请免押'
          icon={depositIcon}
          title='还没有免押资格'
          description='在“守信激励”的信易租中选择合作方，信用达标即可申请免押。'
          actionText='去申请'
        />
      }
    >
      {(data) => (
        <>
          {data.items.map((g) => (
            <GrantCard key={g.id} grant={g} />
          ))}
          <Text className='grants-note'>合作方只有在您授权期间才能查验免押资格，每次查验都会记入您的查询记录。</Text>
        </>
      )}
    </PageShell>
  )
}
