// The app's button: one look on both targets. `disabled` is passed only when true, because a
// Taro H5 button keeps a disabled="false" attribute that platform styles read as disabled.
// Busy states change the label (e.g. 登录中…) rather than using the platform spinner.
import { Button, type ButtonProps } from '@tarojs/components'

export interface ActionButtonProps extends Omit<ButtonProps, 'type' | 'size' | 'loading'> {
  kind?: 'primary' | 'secondary' | 'text'
  small?: boolean
}

export default function ActionButton({ kind = 'primary', small, disabled, className, children, ...rest }: ActionButtonProps) {
  const classes = ['btn', `btn-${kind}`, small ? 'btn-small' : '', disabled ? 'btn-disabled' : '', className ?? '']
  return (
    <Button {...rest} className={classes.filter(Boolean).join(' ')} disabled={disabled || undefined}>
      {children}
    </Button>
  )
}
