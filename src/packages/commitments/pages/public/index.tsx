// 承诺公示 (public, no login): enterprise commitments of the public kinds, searchable by name or
// 统一社会信用代码. The server checks a USCC and its Chinese message is shown as it is.
import { Input, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { openPage } from '../../../../platform/navigation'
import { fetchPublicCommitments, type PublicCommitment } from '../../../../services/commitments-api'
import CommitmentItem from '../../components/commitment-item'
import { usePageClass } from '../../../../hooks/use-page-class'
import './index.scss'

export default function PublicCommitmentsPage() {
  const pageClass = usePageClass()
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const list = useCursorList<PublicCommitment>(`public|${query}`, (cursor) => fetchPublicCommitments(query, cursor))

  useReachBottom(() => void list.loadMore())

  const search = () => {
    const q = input.trim()
    if (q === query) void list.refresh()
    else setQuery(q)
  }

  return (
    <View className={`${pageClass} pc`}>
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

      {list.status === 'error' && (
        <View className='form-error' role='alert'>
          {list.error}
        </View>
      )}
      {list.status === 'loading' && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {list.status === 'ready' && (
        <Text className='muted pc-count'>
          {query ? `“${query}”的公示承诺` : '最新公示的承诺'}
          {list.items.length > 0 ? `（已加载 ${list.items.length} 条）` : ''}
        </Text>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <View className='card pc-empty'>
          <Text className='section-title'>{query ? '没有找到公示的承诺' : '暂无公示的承诺'}</Text>
          <Text className='muted'>
            {query ? '请核对企业全称中的关键词，或输入 18 位统一社会信用代码再搜索。' : '企业签署公示类承诺后，会在这里向社会公开。'}
          </Text>
        </View>
      )}
      {list.items.map((c) => (
        <CommitmentItem key={c.receiptNo} item={c} showSubject action='核验回执' onOpen={() => openPage(commitmentRoutes.verify(c.receiptNo))} />
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 条`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
