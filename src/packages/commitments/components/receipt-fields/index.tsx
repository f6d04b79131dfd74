// The facts of a signed commitment, as the receipt and the public verification both show them.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { formatChinaTime, shortHash } from '../../../../features/commitments/labels'
import type { ReceiptVerification } from '../../../../services/commitments-api'
import StatusTag from '../status-tag'
import './index.scss'

type Facts = Pick<ReceiptVerification, 'template' | 'subject' | 'signerRelation' | 'signedAt' | 'textSha256' | 'status' | 'statusReason'>

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='rf-row'>
      <Text className='rf-label'>{label}</Text>
      <View className='rf-value'>{children}</View>
    </View>
  )
}

export default function ReceiptFields({ facts }: { facts: Facts }) {
  const copyHash = () => void Taro.setClipboardData({ data: facts.textSha256 })
  // The text's fingerprint matters to a checker comparing documents, not to most citizens: it sits
  // behind 详情, with what it is for.
  const [showHash, setShowHash] = useState(false)
  return (
    <View className='rf'>
      <Row label='承诺书'>
        <Text className='rf-text'>{facts.template.title}</Text>
      </Row>
      <Row label='版本 / 类型'>
        <Text className='rf-text'>
          第 {facts.template.version} 版 · {facts.template.kind}
        </Text>
      </Row>
      <Row label={facts.subject.kind === 'enterprise' ? '承诺企业' : '承诺人'}>
        <Text className='rf-text'>{facts.subject.name}</Text>
      </Row>
      {facts.subject.uscc && (
        <Row label='统一社会信用代码'>
          <Text className='rf-text rf-mono'>{facts.subject.uscc}</Text>
        </Row>
      )}
      <Row label='签署人身份'>
        <Text className='rf-text'>{facts.signerRelation}</Text>
      </Row>
      <Row label='签署时间'>
        <Text className='rf-text rf-mono'>{formatChinaTime(facts.signedAt)}</Text>
      </Row>
      <Row label='防篡改校验'>
        {showHash ? (
          <View className='rf-hash-detail'>
            <Text className='muted rf-hash-note'>承诺书全文的数字指纹（SHA-256）：文本改动一个字，指纹就会不同。核验时可与原件的指纹比对。</Text>
            <View className='rf-hash'>
              <Text className='rf-text rf-mono'>{shortHash(facts.textSha256)}</Text>
              <View className='link rf-copy' role='button' onClick={copyHash}>
                复制完整指纹
              </View>
            </View>
          </View>
        ) : (
          <View className='rf-hash'>
            <Text className='rf-text'>已留存全文指纹</Text>
            <View className='link rf-copy' role='button' aria-expanded='false' onClick={() => setShowHash(true)}>
              详情
            </View>
          </View>
        )}
      </Row>
      <Row label='履约状态'>
        <View className='rf-status'>
          <StatusTag status={facts.status} />
          {facts.statusReason && <Text className='muted rf-reason'>{facts.statusReason}</Text>}
        </View>
      </Row>
    </View>
  )
}
