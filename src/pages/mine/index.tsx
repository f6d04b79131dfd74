// 我的: the masked profile, the identity the app shows (oneself or an enterprise the user acts
// for), 查询记录, 授权管理, 长辈模式, privacy and logout.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../components/action-button'
import type { SubjectRef } from '../../services/types'
import Icon from '../../components/icon'
import MessageRow from '../../features/messages/components/message-row'
import OutboxRow from '../../components/outbox-row'
import PageShell from '../../components/page-shell'
import { logout } from '../../features/account/session'
import { actAs, subjectLabel } from '../../features/account/switch-subject'
import { useProfileRefresh } from '../../features/account/use-profile-refresh'
import { confirm, toast } from '../../platform/feedback'
import { saveJson } from '../../platform/save-json'
import { fetchPersonalData } from '../../services/account-api'
import { toApiError } from '../../services/api-error'
import { openPage, routes } from '../../platform/navigation'
import { caseRoutes } from '../../features/cases/routes'
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'
import { usePreferencesStore } from '../../stores/preferences'
import accessLogIcon from '../../assets/icons/access-log.svg'
import reportIcon from '../../assets/icons/report.svg'
import commitmentIcon from '../../assets/icons/commitment.svg'
import emblemIcon from '../../assets/icons/emblem.svg'
import inboxIcon from '../../assets/icons/inbox.svg'
import phoneIcon from '../../assets/icons/phone.svg'
import ticketIcon from '../../assets/icons/ticket.svg'
import warningIcon from '../../assets/icons/warning.svg'
import certificateIcon from '../../assets/icons/certificate.svg'
import keyIcon from '../../assets/icons/key.svg'
import avatarIcon from '../../assets/icons/avatar.svg'
import checkIcon from '../../assets/icons/check.svg'
import enterpriseIcon from '../../assets/icons/enterprise.svg'
import shieldIcon from '../../assets/icons/shield.svg'
import textSizeIcon from '../../assets/icons/text-size.svg'
import userIcon from '../../assets/icons/user.svg'
import volunteerIcon from '../../assets/icons/volunteer.svg'
import objectionIcon from '../../assets/icons/objection.svg'
import scanIcon from '../../assets/icons/scan.svg'
import { hasRole } from '../../features/incentives/staff'
import './index.scss'

export default function MinePage() {
  const user = useAuthStore((s) => s.user)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const consented = useConsentStore(hasConsented)
  const { error } = useProfileRefresh()
  const actingFor = useAuthStore((s) => s.actingFor)
  const elderly = usePreferencesStore((s) => s.elderly)
  const [leaving, setLeaving] = useState(false)
  const subjects = user?.subjects ?? []
  const hasEnterprises = subjects.some((s) => s.kind === 'enterprise')
  const isCurrent = (s: SubjectRef) => (s.kind === 'enterprise' ? s.identifier === actingFor : !actingFor)

  const onLogout = async () => {
    setLeaving(true)
    await logout()
    setLeaving(false)
  }

  const [exporting, setExporting] = useState(false)
  // 个人信息副本 (PIPL Art. 45): the server's JSON, saved as a file on this device.
  const onExport = async () => {
    if (exporting) return
    setExporting(true)
    try {
      toast(await saveJson('信用通-个人信息副本.json', await fetchPersonalData()), 'success')
    } catch (e) {
      toast(toApiError(e).message)
    } finally {
      setExporting(false)
    }
  }

  const onWithdraw = async () => {
    const ok = await confirm('撤回隐私政策同意', '撤回后将退出登录，登录和本人信用查询将无法使用。确定撤回吗？', '撤回', { destructive: true })
    if (!ok) return
    await logout()
    useConsentStore.getState().withdraw()
  }

  return (
    <PageShell name='mine' consent>

      {loggedIn && user ? (
        <View className='card'>
          <View className='mine-head'>
            <Icon className='mine-avatar' src={avatarIcon} />
            <View className='mine-head-text'>
              <Text className='mine-name'>{user.name ?? '未实名用户'}</Text>
              {user.realNameVerified ? (
                <Text className='tag tag-ok mine-tag'>已实名认证</Text>
              ) : (
                <Text className='tag tag-warn mine-tag'>未实名认证</Text>
              )}
            </View>
          </View>
          <View className='mine-rows'>
            <View className='mine-row'>
              <Text className='mine-row-label'>手机号</Text>
              <Text className='mine-row-value'>{user.phone ?? '未绑定'}</Text>
            </View>
            <View className='mine-row'>
              <Text className='mine-row-label'>身份证号</Text>
              <Text className='mine-row-value'>{user.idNumber ?? '未填写'}</Text>
            </View>
            <View className='mine-row'>
              <Text className='mine-row-label'>实名状态</Text>
              {user.realNameVerified ? (
                <Text className='mine-row-value mine-ok'>已认证</Text>
              ) : (
                <View className='mine-row-value link' role='link' onClick={() => openPage(routes.realName)}>
                  未认证，去实名认证 ›
                </View>
              )}
            </View>
          </View>
        </View>
      ) : (
        <View className='card'>
          <View className='mine-head'>
            <Icon className='mine-avatar' src={avatarIcon} />
            <View className='mine-head-text'>
              <Text className='mine-name'>未登录</Text>
              <Text className='muted'>登录后查看本人资料和信用信息</Text>
            </View>
          </View>
          <ActionButton className='mine-login' disabled={!consented} onClick={() => openPage(routes.login)}>
            登录 / 注册
          </ActionButton>
        </View>
      )}

      {error && <Text className='form-error'>资料未能刷新：{error}</Text>}

      {loggedIn && hasEnterprises && (
        <View className='card'>
          <Text className='section-title mine-switch-title'>切换身份</Text>
          <Text className='muted mine-switch-lead'>选择以本人或所代理企业的身份查看信用信息</Text>
          <View role='radiogroup' aria-label='切换身份'>
            {subjects.map((s) => {
              const current = isCurrent(s)
              return (
                <View
                  key={s.id}
                  className={`mine-enterprise ${current ? 'mine-subject-current' : ''}`}
                  role='radio'
                  aria-checked={current}
                  aria-label={subjectLabel(s)}
                  data-subject={s.kind === 'enterprise' ? s.identifier : 'self'}
                  onClick={() => actAs(s)}
                >
                  <View className='mine-enterprise-icon'>
                    <Icon className='mine-icon-img' src={s.kind === 'enterprise' ? enterpriseIcon : userIcon} />
                  </View>
                  <View className='mine-enterprise-text'>
                    <Text className='mine-enterprise-name'>{s.kind === 'enterprise' ? s.name : `本人 ${s.name}`}</Text>
                    <Text className='muted'>{s.kind === 'enterprise' ? `统一社会信用代码 ${s.identifier}` : '查看本人信用信息'}</Text>
                    {s.kind === 'enterprise' && <Text className='tag tag-accent mine-relation'>{s.relation}</Text>}
                  </View>
                  {current ? <Icon className='mine-check' src={checkIcon} /> : <View className='mine-radio' />}
                </View>
              )
            })}
          </View>
        </View>
      )}

      {loggedIn && hasRole(user, 'officer') && (
        <View className='card mine-menu'>
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.officer)}>
            <Icon className='mine-menu-icon' src={scanIcon} />
            <Text className='mine-menu-text'>工作台</Text>
            <Text className='mine-menu-hint'>办理异议等案件</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        </View>
      )}
      {loggedIn && <OutboxRow />}
      {loggedIn && !actingFor && (
        <View className='card mine-menu'>
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.vouchers)}>
            <Icon className='mine-menu-icon' src={ticketIcon} />
            <Text className='mine-menu-text'>我的卡券</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.myCommitments)}>
            <Icon className='mine-menu-icon' src={commitmentIcon} />
            <Text className='mine-menu-text'>我的承诺</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.serviceHours)}>
            <Icon className='mine-menu-icon' src={volunteerIcon} />
            <Text className='mine-menu-text'>我的公益时长</Text>
            <Text className='mine-menu-hint'>公益服务时长可加信用分</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
          {user?.roles.includes('organizer') && (
            <View className='mine-menu-item' role='link' onClick={() => openPage(routes.organizer)}>
              <Icon className='mine-menu-icon' src={volunteerIcon} />
              <Text className='mine-menu-text'>公益组织者工作台</Text>
              <Text className='mine-menu-hint'>发布任务、签到码、确认时长</Text>
              <Text className='mine-chevron'>›</Text>
            </View>
          )}
        </View>
      )}

      {loggedIn && (
        <View className='card mine-menu'>
          {!actingFor && (
            <View className='mine-menu-item' role='link' onClick={() => openPage(caseRoutes.reports)}>
              <Icon className='mine-menu-icon' src={warningIcon} />
              <Text className='mine-menu-text'>我的举报</Text>
              <Text className='mine-menu-hint'>举报失信，查看办理进度和答复</Text>
              <Text className='mine-chevron'>›</Text>
            </View>
          )}
          <View className='mine-menu-item' role='link' onClick={() => openPage(caseRoutes.registrations)}>
            <Icon className='mine-menu-icon' src={certificateIcon} />
            <Text className='mine-menu-text'>自愿注册</Text>
            <Text className='mine-menu-hint'>{actingFor ? '登记企业的守信信息' : '登记资质、履约、公益等信息'}</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        </View>
      )}

      <View className='card mine-menu'>
        {loggedIn && <MessageRow className='mine-menu-item' />}
        {loggedIn && (
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.reports)}>
            <Icon className='mine-menu-icon' src={reportIcon} />
            <Text className='mine-menu-text'>信用报告</Text>
            <Text className='mine-menu-hint'>生成、下载可核验的报告</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
        {loggedIn && (
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.myObjections)}>
            <Icon className='mine-menu-icon' src={objectionIcon} />
            <Text className='mine-menu-text'>我的异议</Text>
            <Text className='mine-menu-hint'>进度、期限和结果</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
        {loggedIn && (
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.accessLog)}>
            <Icon className='mine-menu-icon' src={accessLogIcon} />
            <Text className='mine-menu-text'>查询记录</Text>
            <Text className='mine-menu-hint'>谁查看过{actingFor ? '企业' : '我'}的信用</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
        {loggedIn && !actingFor && (
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.authorizations)}>
            <Icon className='mine-menu-icon' src={keyIcon} />
            <Text className='mine-menu-text'>授权管理</Text>
            <Text className='mine-menu-hint'>查看、撤销对合作机构的授权</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
        <View
          className='mine-menu-item'
          role='switch'
          aria-checked={elderly}
          onClick={() => usePreferencesStore.getState().setElderly(!elderly)}
        >
          <Icon className='mine-menu-icon' src={textSizeIcon} />
          <View className='mine-menu-text mine-menu-stack'>
            <Text>长辈模式</Text>
            <Text className='muted'>字体更大、对比更强</Text>
          </View>
          <View className={`toggle ${elderly ? 'toggle-on' : ''}`}>
            <View className='toggle-knob' />
          </View>
        </View>
        <View className='mine-menu-item' role='link' onClick={() => openPage(routes.privacy)}>
          <Icon className='mine-menu-icon' src={shieldIcon} />
          <Text className='mine-menu-text'>隐私政策</Text>
          <Text className='mine-chevron'>›</Text>
        </View>
        <View className='mine-menu-item' role='link' onClick={() => openPage(routes.help)}>
          <Icon className='mine-menu-icon' src={phoneIcon} />
          <Text className='mine-menu-text'>帮助与客服</Text>
          <Text className='mine-chevron'>›</Text>
        </View>
        <View className='mine-menu-item' role='link' onClick={() => openPage(routes.about)}>
          <Icon className='mine-menu-icon' src={emblemIcon} />
          <Text className='mine-menu-text'>关于</Text>
          <Text className='mine-chevron'>›</Text>
        </View>
        {loggedIn && (
          <View className='mine-menu-item' role='button' aria-label='下载个人信息副本' onClick={onExport}>
            <Icon className='mine-menu-icon' src={inboxIcon} />
            <Text className='mine-menu-text'>{exporting ? '正在准备…' : '下载个人信息副本'}</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
        {loggedIn && (
          <View className='mine-menu-item' role='link' onClick={() => openPage(routes.deleteAccount)}>
            <Icon className='mine-menu-icon' src={warningIcon} />
            <Text className='mine-menu-text'>注销账号</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
        {consented && (
          <View className='mine-menu-item' role='button' onClick={onWithdraw}>
            <Icon className='mine-menu-icon' src={shieldIcon} />
            <Text className='mine-menu-text'>撤回隐私政策同意</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
      </View>

      {loggedIn && (
        <ActionButton kind='secondary' className='mine-logout' disabled={leaving} onClick={onLogout}>
          {leaving ? '正在退出…' : '退出登录'}
        </ActionButton>
      )}
    </PageShell>
  )
}
