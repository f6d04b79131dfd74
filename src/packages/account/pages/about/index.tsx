// 关于: what the app is, who runs it, and the version.
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/page-shell'
import { openPage, routes } from '../../../../platform/navigation'
import '../account-pages.scss'

export const APP_VERSION = '0.1.0'

export default function AboutPage() {
  return (
    <PageShell name='about'>
      <View className='card'>
        <Text className='section-title'>信用通</Text>
        <Text className='account-text'>
          城市公共信用服务：查询本人和所代理企业的公共信用信息，提出异议、申请信用修复，签署信用承诺，享受守信激励。信用信息来自城市公共信用信息服务平台，由各部门依法归集。
        </Text>
        <View className='account-row'>
          <Text className='account-row-label'>版本</Text>
          <Text className='account-row-value'>{APP_VERSION}</Text>
        </View>
        <View className='account-row'>
          <Text className='account-row-label'>运营单位</Text>
          <Text className='account-row-value'>市公共信用信息中心</Text>
        </View>
        <View className='account-row link' role='link' onClick={() => openPage(routes.privacy)}>
          <Text className='account-row-label'>隐私政策</Text>
          <Text className='account-row-value'>查看 ›</Text>
        </View>
      </View>
    </PageShell>
  )
}
