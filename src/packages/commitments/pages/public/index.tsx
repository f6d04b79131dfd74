// 承诺公示 (public, no login): enterprise commitments of the public kinds, searchable by name or
// 统一社会信用代码. The server checks a USCC and its Chinese message is shown as it is.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { openPage } from '../../../../platform/navigation'
import { fetchPublicCommitments, type PublicCommitment } from '../../../../services/commitments-api'
import CommitmentItem from '../../components/commitment-item'
import './index.scss'

export default function PublicCommitmentsPage() {
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const list = useCursorQuery<PublicCommitment>(`public|${query}`, (cursor) => fetchPublicCommitments(query, cursor))

  const search = () => {
    const q = input.trim()
    if (q === query) void list.refresh()
    else setQuery(q)
  }

  const count = (
    <Text className='muted pc-count'>
      {query ? `“${query}”的公示承诺` : '最新公示的承诺'}
      {list.items.length > 0 ? `（已加载 ${list.items.length} 条）` : ''}
    </Text>
  )

  const searchBox = (
    <View className='card pc-search'>
      <Text className='pc-lead'>企业在信用通签署的审批型、主动公示型和行业自律型承诺，依法向社会公示，接受监督。</Text>
      <View className='pc-search-row'>
        <View className='field-box pc-field'>
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
        <ActionButton small className='pc-search-button' onClick={search}>
          搜索
        </ActionButton>
      </View>
    </View>
  )

  return (
    <PageShell
      name='pc'
      top={searchBox}
      query={list}
      skeleton={{ cards: 2, label: '正在加载公示承诺' }}
      errorTitle='公示承诺加载失败'
      empty={
        <>
          {count}
          <View className='card pc-empty'>
            <Text className='section-title'>{query ? '没有找到公示的承诺' : '暂无公示的承诺'}</Text>
            <Text className='muted'>
              {query ? '请核对企业全称中的关键词，或输入 18 位统一社会信用代码再搜索。' : '企业签署公示类承诺后，会在这里向社会公开。'}
            </Text>
          </View>
        </>
      }
    >
      {(items) => (
        <>
          {count}
          {items.map((c) => (
            <CommitmentItem key={c.receiptNo} item={c} showSubject action='核验回执' onOpen={() => openPage(commitmentRoutes.verify(c.receiptNo))} />
          ))}
        </>
      )}
    </PageShell>
  )
}
