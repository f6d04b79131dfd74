// 隐私政策: the full text. Public: readable before consent, nothing personal is loaded here.
import { Text, View } from '@tarojs/components'
import { PRIVACY_POLICY_VERSION } from '../../../../domain/policy'
import PageShell from '../../../../components/page-shell'
import { policyIntro, policySections } from './policy-text'
import './index.scss'

export default function PrivacyPolicyPage() {
  return (
    <PageShell name='privacy-policy'>
      <View className='card policy'>
        <Text className='policy-title'>信用通隐私政策</Text>
        <Text className='muted policy-version'>版本：{PRIVACY_POLICY_VERSION}</Text>
        <Text className='policy-p'>{policyIntro}</Text>
        {policySections.map((section) => (
          <View key={section.title} className='policy-section'>
            <Text className='policy-h'>{section.title}</Text>
            {section.paragraphs.map((p) => (
              <Text key={p} className='policy-p'>
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  )
}
