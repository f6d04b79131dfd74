// A whole-card state: nothing yet (empty), something went wrong (error), or a step first (log in,
// consent). It says what it means and, where there is one, offers the next step.
import { Text, View } from '@tarojs/components'
import ActionButton from '../action-button'
import Icon from '../icon'

export interface StateViewProps {
  icon?: string
  title: string
  description?: string
  actionText?: string
  onAction?: () => void
  /** error states are announced (role="alert") */
  error?: boolean
  className?: string
}

export default function StateView({ icon, title, description, actionText, onAction, error, className }: StateViewProps) {
  return (
    <View className={`card state-view ${error ? 'state-view-error' : ''} ${className ?? ''}`} role={error ? 'alert' : 'status'}>
      {icon && (
        <View className='state-view-icon'>
          <Icon className='state-view-icon-img' src={icon} />
        </View>
      )}
      <Text className='state-view-title'>{title}</Text>
      {description && <Text className='state-view-text'>{description}</Text>}
      {actionText && onAction && (
        <ActionButton small kind={error ? 'secondary' : 'primary'} className='state-view-action' onClick={onAction}>
          {actionText}
        </ActionButton>
      )}
    </View>
  )
}
