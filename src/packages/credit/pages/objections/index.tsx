// 我的异议: the acting subject's objections, newest first, in cursor pages; each opens its case.
import PageShell from '../../../../components/page-shell'
import ObjectionItem from '../../../../features/objections/components/item'
import { objectionRoutes } from '../../../../features/objections/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchMyObjections, type Objection } from '../../../../services/objections-api'
import objectionIcon from '../../../../assets/icons/objection.svg'

const gate = { realName: true } as const

export default function MyObjectionsPage() {
  const { scope } = useGate(gate)
  const list = useCursorQuery<Objection>(scope && `objections|${scope}`, fetchMyObjections, { topics: ['objections'] })
  return (
    <PageShell
      name='objections'
      gate={gate}
      what='查看我的异议'
      subject
      query={list}
      skeleton={{ cards: 3, lines: 3, label: '正在加载我的异议' }}
      errorTitle='我的异议暂时无法加载'
      empty={{
        icon: objectionIcon,
        title: '还没有提出过异议',
        description: '如认为某条信用记录有误，可在“信用记录”中打开该记录，点击“我要异议”。',
        actionText: '查看信用记录',
        onAction: () => openPage(routes.records),
      }}
      endText={(n) => `已显示全部 ${n} 件异议`}
    >
      {(items) => items.map((o) => <ObjectionItem key={o.id} item={o} onOpen={() => openPage(objectionRoutes.detail(o.id))} />)}
    </PageShell>
  )
}
