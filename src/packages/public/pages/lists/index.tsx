// 红黑名单查询 (public, no login): the red list (诚信典型, 守信激励对象) and the 严重失信主体 list,
// searchable by enterprise name or 统一社会信用代码. The server checks a USCC and masks persons.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { caseRoutes } from '../../../../features/cases/routes'
import { openPage } from '../../../../platform/navigation'
import { fetchPublicList, type ListHit, type PublicListKind } from '../../../../services/lists-api'
import './index.scss'

const TABS: { kind: PublicListKind; label: string; lead: string }[] = [
  { kind: 'red', label: '红名单', lead: '诚信典型、守信激励对象等守信主体，由认定部门依法公示。' },
  { kind: 'black', label: '严重失信主体名单', lead: '依法认定的严重失信主体，在公示期内向社会公开。' },
]

function Hit({ hit, kind }: { hit: ListHit; kind: PublicListKind }) {
  return (
    <View className='card ls-hit'>
      <View className='ls-hit-head'>
        <Text className='ls-hit-name'>{hit.subject.name}</Text>
        <Text className={`ls-badge ls-badge-${kind}`}>{hit.listName}</Text>
      </View>
      <Text className='muted ls-id'>
        {hit.subject.kind === 'enterprise' ? '统一社会信用代码' : '身份证号码'} {hit.subject.identifier}
      </Text>
      <View className='ls-row'>
        <Text className='ls-label'>列入部门</Text>
        <Text className='ls-value'>{hit.department}</Text>
      </View>
      {hit.legalBasis && (
        <View className='ls-row'>
          <Text className='ls-label'>依据</Text>
          <Text className='ls-value'>{hit.legalBasis}</Text>
        </View>
      )}
      <View className='ls-row'>
        <Text className='ls-label'>列入日期</Text>
        <Text className='ls-value'>{hit.listedOn}</Text>
      </View>
      <View className='ls-row'>
        <Text className='ls-label'>公示截止</Text>
        <Text className='ls-value'>{hit.publicityEnd ?? '长期'}</Text>
      </View>
    </View>
  )
}

export default function PublicListsPage() {
  const [kind, setKind] = useState<PublicListKind>('red')
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const list = useCursorQuery<ListHit>(`lists|${kind}|${query}`, (cursor) => fetchPublicList(kind, query, cursor))
  const tab = TABS.find((t) => t.kind === kind)!

  const search = () => {
    const q = input.trim()
    if (q === query) void list.refresh()
    else setQuery(q)
  }

  const searchBox = (
    <View className='card'>
      <View className='ls-tabs' role='tablist' aria-label='名单'>
        {TABS.map((t) => (
          <View key={t.kind} className={`ls-tab ${t.kind === kind ? 'ls-tab-active' : ''}`} role='tab' aria-selected={t.kind === kind} onClick={() => setKind(t.kind)}>
            <Text className='ls-tab-label'>{t.label}</Text>
          </View>
        ))}
      </View>
      <Text className='ls-lead'>{tab.lead}</Text>
      <View className='ls-search-row'>
        <View className='field-box ls-field'>
          <Input
            className='field-input'
            value={input}
            maxlength={50}
            confirmType='search'
            placeholder='企业名称或统一社会信用代码'
            nativeProps={{ 'aria-label': '企业名称或统一社会信用代码' }}
            onInput={(e) => setInput(e.detail.value)}
            onConfirm={search}
          />
        </View>
        <ActionButton small className='ls-search-button' onClick={search}>
          搜索
        </ActionButton>
      </View>
    </View>
  )

  // Reporting is one tap away from the lists: 失信举报 (seed 000 §17).
  const reportCard = (
    <View className='card ls-report' role='link' onClick={() => openPage(caseRoutes.reportForm())}>
      <Text className='section-title'>发现企业失信行为？</Text>
      <Text className='muted'>登录后可在线举报，上传证据并跟踪受理、核查、办结进度；举报人信息严格保密。</Text>
      <Text className='link ls-report-go'>举报失信 ›</Text>
    </View>
  )

  return (
    <PageShell
      name='ls'
      top={searchBox}
      query={list}
      skeleton={{ cards: 2, label: '正在加载名单' }}
      errorTitle='名单加载失败'
      empty={
        <>
        <View className='card ls-empty'>
          <Text className='section-title'>{query ? `${tab.label}中没有“${query}”` : `${tab.label}暂无公示中的主体`}</Text>
          <Text className='muted'>
            {query ? '未在公示中的名单里找到。请核对企业全称中的关键词，或输入 18 位统一社会信用代码；也可切换到另一份名单查询。' : '认定部门依法列入后，会在这里向社会公示。'}
          </Text>
        </View>
        {reportCard}
        </>
      }
    >
      {(hits) => (
        <>
          <Text className='muted ls-count'>{query ? `“${query}”在${tab.label}中的结果` : `最新列入${tab.label}的主体`}</Text>
          {hits.map((hit) => (
            <Hit key={hit.id} hit={hit} kind={kind} />
          ))}
          {reportCard}
        </>
      )}
    </PageShell>
  )
}
