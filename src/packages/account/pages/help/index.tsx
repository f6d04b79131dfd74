// 帮助与客服: answers to what people ask most, and how to reach a person.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import '../account-pages.scss'

const FAQ: { q: string; a: string }[] = [
  { q: '我的信用记录有错怎么办？', a: '在“信用记录”中打开该条记录，可以提出异议；异议期间该记录不计入信用分，也不影响守信激励。' },
  { q: '为什么我不能享受某项守信激励？', a: '“守信激励”中每一项都写明了享受条件和您暂不符合的原因；信用等级提升或列入守信红名单后即可享受。' },
  { q: '卡券二维码为什么一直在变？', a: '为防止截图冒用，二维码每 30 秒刷新一次。请在入园时打开本页出示，不要截图转发。' },
  { q: '谁查看过我的信用信息？', a: '“我的 → 查询记录”列出了每一次查看和查验，包括时间、机构和用途。' },
  { q: '如何删除我的账号和数据？', a: '“我的 → 注销账号”。公共信用记录由各部门依法保存，不会因注销而删除。' },
]

export const SERVICE_PHONE = '12345'

export default function HelpPage() {
  return (
    <PageShell name='help'>
      <View className='card'>
        <Text className='section-title'>常见问题</Text>
        {FAQ.map((f) => (
          <View key={f.q} className='account-faq'>
            <Text className='account-faq-q'>{f.q}</Text>
            <Text className='account-faq-a'>{f.a}</Text>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='section-title'>联系客服</Text>
        <Text className='account-text'>政务服务便民热线 {SERVICE_PHONE}（7×24 小时），可咨询信用信息查询、异议和信用修复。</Text>
        <ActionButton kind='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: SERVICE_PHONE }).catch(() => undefined)}>
          拨打 {SERVICE_PHONE}
        </ActionButton>
      </View>
    </PageShell>
  )
}
