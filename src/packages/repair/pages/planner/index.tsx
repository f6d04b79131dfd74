// 信用修复规划: every negative record with the day it can be repaired (or leaves publicity by
// itself), the hours still needed and the tasks that fit, and the score after each step — ordered by
// what gains most soonest. The plan is the server's, made by the same pure functions as the real
// outcome (planRepairs / repairEligibility), so what it promises is what an approval does.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import FreeNotice from '../../../../features/repair/components/free-notice'
import { dayLabel, gainLabel, hoursShort, STATE_LABELS, STATE_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchPlan, type RepairEligibilityItem, type RepairPlanResponse } from '../../../../services/repairs-api'
import successIcon from '../../../../assets/icons/success.svg'
import './index.scss'

type Step = RepairPlanResponse['steps'][number]

function StepCard({ step, n, item, today }: { step: Step; n: number; item: RepairEligibilityItem | undefined; today: string }) {
  const short = item ? hoursShort(item.hoursRequired, item.hoursConfirmed) : 0
  const repair = step.kind === 'repair'
  return (
    <View className='card plan-step' role='listitem' aria-label={`第 ${n} 步：${step.title}`}>
      <View className='plan-step-head'>
        <Text className='plan-step-n'>{n}</Text>
        <Text className='plan-step-title'>{step.title}</Text>
      </View>
      <Text className='plan-step-line'>
        {repair
          ? step.from <= today
            ? '现在即可申请修复'
            : `${dayLabel(step.from, today)}起可申请修复`
          : `无需申请：${dayLabel(step.from, today)}起公示期满，自动停止公示`}
      </Text>
      {repair && <Text className='plan-step-line muted'>{`提交后最迟 ${dayLabel(step.effectiveBy, today)}前作出决定（10 + 3 个工作日）`}</Text>}
      {repair && item && item.hoursRequired > 0 && (
        <Text className='plan-step-line'>
          {short > 0 ? `还需公益服务 ${short} 小时（已确认 ${item.hoursConfirmed} / 需 ${item.hoursRequired} 小时）` : `公益服务时长已满足（${item.hoursConfirmed} / ${item.hoursRequired} 小时）`}
        </Text>
      )}
      {step.tasks.length > 0 && (
        <View className='plan-tasks'>
          <Text className='plan-tasks-title'>可报名的公益活动</Text>
          {step.tasks.map((t) => (
            <Text key={t.id} className='plan-task'>{`${dayLabel(t.date, today)} · ${t.title} · ${t.hours} 小时`}</Text>
          ))}
        </View>
      )}
      {step.todo.length > 0 && (
        <View className='plan-todo'>
          {step.todo.map((t) => (
            <Text key={t} className='plan-todo-item'>{`待办：${t}`}</Text>
          ))}
        </View>
      )}
      <View className='plan-step-score'>
        <Text className={`plan-gain ${step.gain > 0 ? 'plan-gain-up' : ''}`}>{gainLabel(step.gain)}</Text>
        <Text className='plan-after'>{`预计 ${step.scoreAfter} 分 · ${step.levelAfter}`}</Text>
      </View>
      {repair && item?.state === 'eligible' && (
        <ActionButton className='plan-step-apply' onClick={() => openPage(repairRoutes.apply(step.recordId))}>
          申请修复
        </ActionButton>
      )}
    </View>
  )
}

const gate = { realName: true } as const

export default function PlannerPage() {
  const { scope } = useGate(gate)
  const q = useQuery(scope && `plan|${scope}`, fetchPlan, { topics: ['cases', 'credit'] })
  return (
    <PageShell name='planner' gate={gate} what='查看修复规划' subject query={q} skeleton={{ cards: 3, lines: 4, label: '正在加载修复规划' }} errorTitle='修复规划加载失败'>
      {(plan) => <Plan plan={plan} />}
    </PageShell>
  )
}

function Plan({ plan }: { plan: RepairPlanResponse }) {
  const byRecord = new Map(plan.eligibility.map((e) => [e.recordId, e]))
  const planned = new Set(plan.steps.map((s) => s.recordId))
  const others = plan.eligibility.filter((e) => !planned.has(e.recordId))
  return (
    <>
      <View className='card plan-head'>
        <Text className='muted'>当前信用分</Text>
        <View className='plan-now'>
          <Text className='plan-now-score'>{plan.scoreNow}</Text>
          <Text className='plan-now-level'>{plan.levelNow}</Text>
        </View>
        <Text className='plan-summary' aria-live='polite'>
          {plan.summary}
        </Text>
      </View>
      <FreeNotice />

      {plan.steps.length === 0 && others.length === 0 ? (
        <StateView icon={successIcon} title='没有需要修复的失信记录' description='保持良好信用，可享受更多守信激励。' />
      ) : (
        <View role='list' aria-label='修复步骤'>
          {plan.steps.map((s, i) => (
            <StepCard key={`${s.recordId}-${s.kind}`} step={s} n={i + 1} item={byRecord.get(s.recordId)} today={plan.today} />
          ))}
        </View>
      )}

      {others.length > 0 && (
        <View className='card'>
          <Text className='section-title'>其他失信记录</Text>
          {others.map((e) => (
            <View key={e.recordId} className='plan-other'>
              <View className='plan-other-head'>
                <Text className='plan-other-title'>{e.title}</Text>
                <Text className={`tag tag-${STATE_TONES[e.state]}`}>{e.status === '已修复' ? '已修复' : STATE_LABELS[e.state]}</Text>
              </View>
              {e.missing.map((m) => (
                <Text key={m} className='muted plan-other-reason'>
                  {m}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}

      <View className='plan-links'>
        <ActionButton kind='secondary' onClick={() => openPage(repairRoutes.applications)}>
          我的修复申请
        </ActionButton>
      </View>
      <Text className='muted plan-foot'>预计分数按现行评分规则计算，不含今后新增的记录；公益活动以实际报名和时长确认为准。</Text>
    </>
  )
}
