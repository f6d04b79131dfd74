// PageShell: the frame of every page — privacy consent, the login / real-name / role gate, the
// acting subject, skeleton while loading, error with 重试, empty state, pull-to-refresh, more pages
// at the bottom, and the page class (长辈模式). The page keeps only what is its own.
//
//   const gate = { realName: true } as const                        // module level
//   export default function VouchersPage() {
//     const { scope } = useGate(gate)                               // null until the gate passes
//     const q = useQuery(scope && `vouchers|${scope}`, fetchVouchers, { topics: ['vouchers'] })
//     return (
//       <PageShell name='vouchers' gate={gate} what='查看卡券' query={q}
//         skeleton={{ label: '正在加载卡券' }} errorTitle='卡券暂时无法加载'
//         empty={{ icon: ticketIcon, title: '还没有卡券', description: '…' }}>
//         {(data) => data.items.map((v) => <VoucherCard key={v.id} voucher={v} />)}
//       </PageShell>
//     )
//   }
//
// - `gate`: {} or absent for a public page; { login } / { realName } / { role: 'officer', who }.
//   Any gate shows the privacy notice; `consent` shows it on a page without a gate (login, 首页).
// - `query`: a useQuery result (children get its data) or a useCursorQuery result (children get the
//   items; the shell loads more at the bottom and draws the list footer from `endText`).
// - `notFound`: what a 404 means here (shown with 返回, or its own action, instead of 重试).
// - `empty`: a StateView's props, or any node; shown instead of children when the data is empty
//   (an empty array, or `{ items: [] }`; `isEmpty` decides otherwise).
// - `top`: shown above the data once the gate passes (filters, tabs); `subject` names the
//   enterprise the user acts for. Without `query`, children are a plain node shown after the gate.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { isValidElement, type ReactNode } from 'react'
import ListFooter from '../list-footer'
import PrivacyConsent from '../privacy-consent'
import Skeleton from '../skeleton'
import StateView, { type StateViewProps } from '../state-view'
import type { CursorList } from '../../hooks/use-cursor-list'
import { useGate, type Gate } from '../../hooks/use-gate'
import { usePageClass } from '../../hooks/use-page-class'
import { goBack, routes } from '../../platform/navigation'
import type { Query } from '../../hooks/use-query'
import GateView from './gate-view'
import SubjectBanner from './subject-banner'
import warningIcon from '../../assets/icons/warning.svg'

type AnyQuery = Query<any> | CursorList<any> // eslint-disable-line @typescript-eslint/no-explicit-any
type DataOf<Q> = Q extends CursorList<infer I> ? I[] : Q extends Query<infer D> ? D : never

export interface PageShellProps<Q extends AnyQuery> {
  /** the page's own class, e.g. 'records' (root: 'page records', plus 'elderly' in 长辈模式) */
  name: string
  gate?: Gate
  /** what the page does, for the gate's words: 「登录后才能{what}。」 */
  what?: string
  /** staff pages: who may use it, for the gate's words: 「此功能仅限{who}使用」 */
  who?: string
  /** show the privacy notice even without a gate (pages that work before consent) */
  consent?: boolean
  /** name the enterprise the user acts for above the data */
  subject?: boolean
  query?: Q
  skeleton?: { cards?: number; lines?: number; label?: string }
  errorTitle?: string
  /** a 404 (gone, or not the acting subject's): said instead of the error, with 返回 for 重试 */
  notFound?: { title: string; description?: string; actionText?: string; onAction?: () => void }
  empty?: StateViewProps | ReactNode
  isEmpty?: (data: DataOf<Q>) => boolean
  /** cursor lists: what the footer says when every page is shown, e.g. n => `已显示全部 ${n} 条记录` */
  endText?: (count: number) => string
  /** pull down reloads the query (on by default when there is one) */
  pullToRefresh?: boolean
  top?: ReactNode
  children: ReactNode | ((data: DataOf<Q>, query: Q) => ReactNode)
}

const isCursor = (q: AnyQuery): q is CursorList<unknown> => 'loadMore' in q
const asQuery = (q: AnyQuery) => q as Query<unknown>

function defaultEmpty(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0
  const items = (data as { items?: unknown } | null)?.items
  return Array.isArray(items) && items.length === 0
}

/** A retry after an error starts from the skeleton; a pull keeps the data on screen. */
function reload(q: AnyQuery, reset: boolean): Promise<void> {
  return isCursor(q) ? q.refresh() : asQuery(q).reload({ reset })
}

export default function PageShell<Q extends AnyQuery>(props: PageShellProps<Q>) {
  const { name, gate, what = '查看本人的信用信息', who, query, children } = props
  const pageClass = usePageClass(name)
  const { step, enterprise } = useGate(gate)

  usePullDownRefresh(() => {
    if (!query || props.pullToRefresh === false || step) {
      Taro.stopPullDownRefresh()
      return
    }
    void reload(query, false).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (query && isCursor(query) && !step) void query.loadMore()
  })

  const privacy = gate || props.consent ? <PrivacyConsent /> : null
  if (step) {
    return (
      <View className={pageClass}>
        {privacy}
        <GateView step={step} what={what} who={gate?.role ? who : undefined} />
      </View>
    )
  }

  return (
    <View className={pageClass}>
      {privacy}
      {props.subject && <SubjectBanner enterprise={enterprise} />}
      {props.top}
      {query ? <Body {...props} query={query} /> : (children as ReactNode)}
    </View>
  )
}

function Body<Q extends AnyQuery>({ query, skeleton, errorTitle, notFound, empty, isEmpty, endText, children }: PageShellProps<Q> & { query: Q }) {
  if (query.status === 'idle') return null
  if (query.status === 'loading') return <Skeleton cards={skeleton?.cards ?? 3} lines={skeleton?.lines ?? 3} label={skeleton?.label ?? '正在加载'} />
  const errorStatus = isCursor(query) ? query.errorStatus : asQuery(query).errorStatus
  if (query.status === 'error' && (errorStatus === 400 || errorStatus === 422)) {
    // the request itself was refused (a mistyped search): the server's words, no 重试
    return (
      <View className='form-error' role='alert'>
        {query.error}
      </View>
    )
  }
  if (query.status === 'error' && notFound && errorStatus === 404) {
    // trying again will not help
    const { actionText = '返回', onAction = () => goBack(routes.home) } = notFound
    return <StateView error icon={warningIcon} title={notFound.title} description={notFound.description} actionText={actionText} onAction={onAction} />
  }
  if (query.status === 'error') {
    return (
      <StateView
        error
        icon={warningIcon}
        title={errorTitle ?? '加载失败'}
        description={query.error ?? undefined}
        actionText='重试'
        onAction={() => void reload(query, true)}
      />
    )
  }

  const data = (isCursor(query) ? query.items : asQuery(query).data) as DataOf<Q>
  const nothing = (isEmpty ?? defaultEmpty)(data)
  const render = typeof children === 'function' ? children : () => children
  return (
    <>
      {query.error && <Text className='form-error'>未能刷新：{query.error}</Text>}
      {nothing && empty ? (isValidElement(empty) || typeof empty !== 'object' ? empty : <StateView {...(empty as StateViewProps)} />) : render(data, query)}
      {isCursor(query) && !nothing && (
        <ListFooter
          loadingMore={query.loadingMore}
          moreError={query.moreError}
          hasMore={query.hasMore}
          endText={endText ? endText(query.items.length) : `已显示全部 ${query.items.length} 条`}
          onMore={() => void query.loadMore()}
        />
      )}
    </>
  )
}

