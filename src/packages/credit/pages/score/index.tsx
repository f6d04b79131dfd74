// 评分说明: how the score is made — the base, every factor with its points and the record behind it
// (tap → the record), the records that do not count now and why, the level scale with the
// subject's place on it, and the last 12 months.
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/page-shell'
import { SCORE_MAX, SCORE_MIN } from '../../../../domain/policy'
import { SERVICE_HOURS_FACTOR } from '../../../../domain/score'
import { formatPoints } from '../../../../features/credit/format'
import { levelColor } from '../../../../features/credit/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery, type Query } from '../../../../hooks/use-query'
import { openPage, routes, withQuery } from '../../../../platform/navigation'
import { fetchOverview, fetchScoreHistory } from '../../../../services/credit-api'
import type { CreditOverview, ScoreMonth } from '../../../../services/types'
import LevelScale from '../../components/level-scale'
import ScoreHistory from '../../components/score-history'
import Unbroken from '../../../../components/unbroken'
import './index.scss'

// The public-service factor is not a record: it opens 我的公益时长.
const openRecord = (id: string) => openPage(id === SERVICE_HOURS_FACTOR ? routes.serviceHours : withQuery(routes.recordDetail, { id }))

const gate = { realName: true } as const

export default function ScorePage() {
  const { scope } = useGate(gate)
  const overview = useQuery(scope && `overview|${scope}`, fetchOverview, { topics: ['credit', 'objections'] })
  const history = useQuery(scope && `history|${scope}`, fetchScoreHistory, { topics: ['credit'] })
  return (
    <PageShell name='score' gate={gate} subject query={overview} skeleton={{ lines: 4, label: '正在加载评分说明' }} errorTitle='评分说明加载失败'>
      {(o) => <ScoreExplained o={o} history={history} />}
    </PageShell>
  )
}

function ScoreExplained({ o, history }: { o: CreditOverview; history: Query<{ items: ScoreMonth[] }> }) {
  const plus = o.factors.filter((f) => f.points > 0).reduce((sum, f) => sum + f.points, 0)
  const minus = o.factors.filter((f) => f.points < 0).reduce((sum, f) => sum + f.points, 0)
  const clamped = o.base + plus + minus !== o.score
  return (
    <>
      <View className='card score-summary'>
        <View className='score-now'>
          <Text className='score-now-value'>{o.score}</Text>
          <Text className='score-now-level' style={{ color: levelColor(o.level) }}>
            {o.level}
          </Text>
        </View>
        <View className='score-formula' aria-label={`基础分 ${o.base}，加分 ${plus}，减分 ${-minus}，信用分 ${o.score}`}>
          <View className='score-term'>
            <Text className='score-term-value'>{o.base}</Text>
            <Text className='score-term-label'>基础分</Text>
          </View>
          <Text className='score-op'>+</Text>
          <View className='score-term'>
            <Text className={`score-term-value ${plus > 0 ? 'score-plus' : ''}`}>{plus}</Text>
            <Text className='score-term-label'>加分</Text>
          </View>
          <Text className='score-op'>−</Text>
          <View className='score-term'>
            <Text className={`score-term-value ${minus < 0 ? 'score-minus' : ''}`}>{-minus}</Text>
            <Text className='score-term-label'>减分</Text>
          </View>
          <Text className='score-op'>=</Text>
          <View className='score-term'>
            <Text className='score-term-value'>{o.score}</Text>
            <Text className='score-term-label'>信用分</Text>
          </View>
        </View>
        {clamped && (
          <Text className='score-clamp'>
            信用分范围为 {SCORE_MIN}–{SCORE_MAX} 分，超出部分不计。
          </Text>
        )}
        <Text className='score-asof'>评估日期 {o.asOf}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>计分明细</Text>
        {o.factors.length === 0 ? (
          <Text className='score-empty'>暂无加减分记录，信用分即基础分 {o.base} 分。</Text>
        ) : (
          o.factors.map((f) => (
            <View key={f.recordId} className='factor' role='link' data-record={f.recordId} onClick={() => openRecord(f.recordId)}>
              <View className='factor-text'>
                <Unbroken className='factor-title' text={f.record.title} />
                <Text className='factor-meta'>{f.record.department}</Text>
                <Unbroken className='factor-reason' text={f.reason} />
              </View>
              <Text className={`factor-points ${f.points >= 0 ? 'score-plus' : 'score-minus'}`}>{formatPoints(f.points)}</Text>
              <Text className='factor-chevron'>›</Text>
            </View>
          ))
        )}
      </View>

      {o.suspended.length > 0 && (
        <View className='card'>
          <Text className='section-title'>未计入评分的记录</Text>
          {o.suspended.map((s) => (
            <View key={s.recordId} className='factor' role='link' data-record={s.recordId} onClick={() => openRecord(s.recordId)}>
              <View className='factor-text'>
                <Unbroken className='factor-title' text={s.title} />
                <Unbroken className='factor-reason' text={s.reason} />
              </View>
              <Text className='tag tag-warn'>不计分</Text>
              <Text className='factor-chevron'>›</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>信用等级</Text>
        <LevelScale score={o.score} level={o.level} />
      </View>

      <View className='card'>
        <Text className='section-title'>近 12 个月信用分</Text>
        {history.status === 'error' ? (
          <View className='score-history-error' role='alert'>
            <Text className='muted'>走势加载失败：{history.error}</Text>
            <View className='link score-retry' role='button' onClick={() => void history.reload({ reset: true })}>
              重试
            </View>
          </View>
        ) : !history.data ? (
          <Text className='muted'>正在加载…</Text>
        ) : history.data.items.length === 0 ? (
          <Text className='score-empty'>暂无历史评分，每月会保存一次信用分。</Text>
        ) : (
          <ScoreHistory items={history.data.items} />
        )}
      </View>

      <View className='card score-rules'>
        <Text className='section-title'>评分规则</Text>
        <Text className='score-rule'>· 以基础分 {o.base} 分为起点，公示期内的表彰奖励、红名单、志愿服务等正面信息加分，行政处罚等负面信息按情节轻重减分。</Text>
        <Text className='score-rule'>· 每一分都来自一条信用记录，点按明细可查看记录原文、来源部门和法律依据。</Text>
        <Text className='score-rule'>· 公示期结束、记录被撤销或修复后不再计分；提出异议的记录在核查期间暂不计分。</Text>
        <Text className='score-rule'>
          · 信用分范围为 {SCORE_MIN}–{SCORE_MAX} 分。
        </Text>
      </View>
    </>
  )
}
