// Where an unknown address lands (an old or mistyped link): say so and lead home, instead of a
// blank page.
import StateView from '../../../../components/state-view'
import PageShell from '../../../../components/page-shell'
import { openPage, routes } from '../../../../platform/navigation'
import searchIcon from '../../../../assets/icons/inbox.svg'

export default function NotFoundPage() {
  return (
    <PageShell name='not-found'>
      <StateView
        icon={searchIcon}
        title='页面不存在'
        description='这个链接可能已失效或输入有误。您可以回到首页，从那里找到要办的事。'
        actionText='回到首页'
        onAction={() => openPage(routes.home)}
      />
    </PageShell>
  )
}
