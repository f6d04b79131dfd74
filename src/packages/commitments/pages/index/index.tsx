// 信用承诺: templates to sign by kind (for the acting subject), and the ways to 我的承诺,
// 承诺公示 and 回执核验. 修复型 templates are listed but signed inside a repair application.
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import Skeleton from '../../../../components/skeleton'
import EntryGrid from '../../../../features/catalog/components/entry-grid'
import Icon from '../../../../components/icon'
import type { CommitmentKind } from '../../../../domain/policy'
import type { ServiceEntry } from '../../../../features/catalog/entries'
import { AUDIENCE_LABELS, KIND_DESCRIPTIONS, REPAIR_KIND, SIGNABLE_KINDS } from '../../../../features/commitments/labels'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchTemplates } from '../../../../services/commitments-api'
import SubjectSwitcher from '../../components/subject-switcher'
import commitmentIcon from '../../../../assets/icons/commitment.svg'
import publicityIcon from '../../../../assets/icons/publicity.svg'
import shieldIcon from '../../../../assets/icons/shield.svg'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import './index.scss'

const entries: ServiceEntry[] = [
  { id: 'mine', title: '我的承诺', icon: commitmentIcon, description: '已签署的承诺和回执', url: commitmentRoutes.mine },
  { id: 'public', title: '承诺公示', icon: publicityIcon, description: '企业公开的信用承诺', url: commitmentRoutes.publicList },
  { id: 'verify', title: '回执核验', icon: shieldIcon, description: '凭回执编号核验承诺', url: commitmentRoutes.verify() },
]

const gate = { login: true } as const

export default function CommitmentsHome() {
  const { step, scope } = useGate(gate)
  const [kind, setKind] = useState<CommitmentKind>(SIGNABLE_KINDS[0])
  // the templates offered depend on the subject signing (person or enterprise)
  const q = useQuery(scope && `cm-templates|${scope}`, async () => (await fetchTemplates()).items)
  const templates = q.data
  // until the user picks a tab, open the first kind that has templates
  const picked = useRef(false)
  useEffect(() => {
    const first = templates && SIGNABLE_KINDS.find((k) => templates.some((t) => t.kind === k))
    if (!picked.current && first) setKind(first)
  }, [templates])

  const ofKind = (k: CommitmentKind) => templates?.filter((t) => t.kind === k) ?? []
  const shown = ofKind(kind)
  const repair = ofKind(REPAIR_KIND)

  return (
    <PageShell name='cm-home'>
      <View className='card cm-hero'>
        <View className='cm-hero-text'>
          <Text className='cm-hero-title'>信用承诺</Text>
          <Text className='cm-hero-lead'>在线签署承诺书，签署后生成回执编号，任何人可扫码或凭编号核验。</Text>
        </View>
        <Icon className='cm-hero-icon' src={commitmentIcon} />
      </View>

      <View className='card cm-entries'>
        <EntryGrid entries={entries} />
      </View>

      {step ? (
        <View className='card'>
          <Text className='section-title'>登录后在线签署</Text>
          <Text className='muted'>承诺公示和回执核验无需登录即可使用。</Text>
          <ActionButton className='cm-login' onClick={() => openPage(routes.login)}>
            登录 / 注册
          </ActionButton>
        </View>
      ) : (
        <>
          <SubjectSwitcher compact />

          <View className='card'>
            <View className='cm-tabs' role='tablist' aria-label='承诺类型'>
              {SIGNABLE_KINDS.map((k) => (
                <View
                  key={k}
                  className={`cm-tab ${k === kind ? 'cm-tab-active' : ''}`}
                  role='tab'
                  aria-selected={k === kind}
                  onClick={() => {
                    picked.current = true
                    setKind(k)
                  }}
                >
                  <Text className='cm-tab-label'>{k}</Text>
                  {templates && <Text className='cm-tab-count'>{ofKind(k).length} 份</Text>}
                </View>
              ))}
            </View>
            <Text className='muted cm-kind-note'>{KIND_DESCRIPTIONS[kind]}</Text>

            {q.status === 'error' && (
              <View className='cm-error'>
                <View className='form-error' role='alert'>
                  {q.error}
                </View>
                <ActionButton kind='secondary' onClick={() => void q.reload({ reset: true })}>
                  重新加载
                </ActionButton>
              </View>
            )}
            {q.status === 'loading' && <Skeleton cards={1} lines={3} label='正在加载承诺书' />}
            {templates && shown.length === 0 && (
              <View className='cm-empty'>
                <Text className='cm-empty-title'>当前身份下没有{kind}承诺书</Text>
                <Text className='muted'>企业承诺请在上方选择以企业身份签署；个人承诺请选择本人。</Text>
              </View>
            )}
            {shown.map((t) => (
              <View
                key={t.id}
                className='cm-template'
                role='link'
                data-template={t.id}
                onClick={() => openPage(commitmentRoutes.sign(t.id))}
              >
                <View className='cm-template-text'>
                  <Text className='cm-template-title'>{t.title}</Text>
                  <View className='cm-template-tags'>
                    <Text className='tag tag-muted'>第 {t.version} 版</Text>
                    <Text className='tag tag-muted'>{AUDIENCE_LABELS[t.audience]}</Text>
                  </View>
                </View>
                <Text className='cm-template-go'>去签署 ›</Text>
              </View>
            ))}
          </View>

          {repair.length > 0 && (
            <View className='card cm-repair'>
              <View className='cm-repair-head'>
                <Text className='section-title cm-repair-title'>{REPAIR_KIND}</Text>
                <Text className='tag tag-muted'>在信用修复中使用</Text>
              </View>
              <Text className='muted'>申请信用修复时随申请一并签署，无需在此单独签署。</Text>
              {repair.map((t) => (
                <View key={t.id} className='cm-repair-item'>
                  <Text className='cm-repair-name'>{t.title}</Text>
                  <Text className='muted'>第 {t.version} 版</Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </PageShell>
  )
}
