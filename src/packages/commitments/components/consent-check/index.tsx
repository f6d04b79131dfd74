// “我已阅读并同意…”: one checkbox that looks the same on both targets.
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function ConsentCheck({ checked, title, onChange }: { checked: boolean; title: string; onChange(checked: boolean): void }) {
  const label = `我已阅读并同意《${title}》的全部内容，承诺所填信息真实、有效`
  return (
    <View className='consent-check' role='checkbox' aria-checked={checked} aria-label={label} onClick={() => onChange(!checked)}>
      <View className={`consent-box ${checked ? 'consent-box-checked' : ''}`}>{checked && <Text className='consent-tick'>✓</Text>}</View>
      <Text className='consent-label'>{label}</Text>
    </View>
  )
}
