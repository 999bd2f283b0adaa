import { useState, type FormEvent } from 'react'
import {
  useLinkHub,
  useSetAuthor,
  useSyncNow,
  useSyncStatus,
  useTeam,
  useUnlinkHub,
} from '../../api/sync'
import { errorMessage } from '../../ui/error-message'
import { t } from '../../ui/i18n'
import { partName } from './part-names'
import { formatMoment } from '../../ui/format'
import './sync.css'

/**
 * The Team panel: the analyst's name, the hub the project is linked to, sync now, and who
 * changed what since (each change from the hub with its author), plus the documents the
 * hub sent that failed the checks and were kept out.
 */
export function TeamView() {
  const status = useSyncStatus(true).data
  const team = useTeam()
  return (
    <div className="team-view">
      <h2>{t('sync.team')}</h2>
      <AuthorForm current={status?.author ?? ''} />
      {status?.linked ? <LinkedHub /> : <LinkForm />}
      <section aria-labelledby="team-activity">
        <h3 id="team-activity">{t('sync.changesFromTheTeam')}</h3>
        {team.data && team.data.activity.length === 0 && (
          <p className="muted">{t('sync.noChangeHasComeFromThe')}</p>
        )}
        {team.data && team.data.activity.length > 0 && (
          <table className="team-activity">
            <thead>
              <tr>
                <th scope="col">{t('sync.when')}</th>
                <th scope="col">{t('sync.who')}</th>
                <th scope="col">{t('sync.what')}</th>
                <th scope="col">{t('sync.record')}</th>
              </tr>
            </thead>
            <tbody>
              {team.data.activity.map((entry, index) => (
                <tr key={`${entry.at}-${entry.id}-${index}`}>
                  <td>{formatMoment(entry.at)}</td>
                  <td>{entry.author}</td>
                  <td>
                    {entry.action === 'merged'
                      ? t('sync.mergedAutomatically')
                      : t(`sync.action.${entry.action}`)}{' '}
                    ({partName(entry.collection)})
                  </td>
                  <td>{entry.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {team.data && team.data.quarantine.length > 0 && (
        <section aria-labelledby="team-quarantine">
          <h3 id="team-quarantine">{t('sync.keptOutFailedTheChecks')}</h3>
          <ul>
            {team.data.quarantine.map((doc) => (
              <li key={`${doc.docId}-${doc.rev}`}>
                <code>{doc.docId}</code> {t('sync.from')} {doc.author || t('sync.unknown')}:{' '}
                {doc.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function AuthorForm({ current }: { current: string }) {
  const [author, setAuthor] = useState<string | null>(null)
  const save = useSetAuthor()
  const value = author ?? (current === t('sync.unnamedAnalyst') ? '' : current)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (value.trim()) save.mutate(value.trim(), { onSuccess: () => setAuthor(null) })
  }
  return (
    <form className="team-form" onSubmit={submit}>
      <label>
        {t('sync.yourNameShownWithYourChanges')}
        <input value={value} onChange={(e) => setAuthor(e.target.value)} maxLength={120} />
      </label>
      <button type="submit" disabled={save.isPending || !value.trim()}>
        {t('sync.saveName')}
      </button>
      {save.isSuccess && author === null && <span className="muted">{t('sync.nameSaved')}</span>}
      {save.isError && <p role="alert">{errorMessage(save.error)}</p>}
    </form>
  )
}

function LinkForm() {
  const [url, setUrl] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [live, setLive] = useState(false)
  const link = useLinkHub()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    link.mutate({
      url,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      live,
    })
  }
  return (
    <form className="team-form" onSubmit={submit} aria-labelledby="team-link">
      <h3 id="team-link">{t('sync.linkToATeamHub')}</h3>
      <p className="muted">{t('sync.aCouchdb3DatabaseOrA')}</p>
      <label>
        {t('sync.hubDatabaseUrl')}
        <input
          className="team-url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder={t('sync.httpsHubExampleOrgTeamCorpus')}
          required
        />
      </label>
      <label>
        {t('sync.userName')}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
        />
      </label>
      <label>
        {t('sync.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
        />
      </label>
      <label className="team-check">
        <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
        {t('sync.keepInSyncContinuously')}
      </label>
      <button type="submit" disabled={link.isPending || !url}>
        {t('sync.linkProject')}
      </button>
      {link.isError && <p role="alert">{errorMessage(link.error)}</p>}
    </form>
  )
}

function LinkedHub() {
  const status = useSyncStatus(true).data
  const syncNow = useSyncNow()
  const unlink = useUnlinkHub()
  if (!status) return null
  return (
    <section aria-labelledby="team-hub" className="team-hub">
      <h3 id="team-hub">{t('sync.teamHub')}</h3>
      <dl>
        <dt>{t('sync.hub')}</dt>
        <dd>
          <code>{status.remote}</code>
          {status.username ? t('sync.as', { username: status.username }) : ''}
        </dd>
        <dt>{t('sync.mode')}</dt>
        <dd>{status.live ? t('sync.continuous') : t('sync.whenYouPressSyncNow')}</dd>
        <dt>{t('sync.lastSync2')}</dt>
        <dd>
          {status.lastSyncAt ? (
            <time dateTime={status.lastSyncAt}>{formatMoment(status.lastSyncAt)}</time>
          ) : (
            t('sync.never')
          )}
        </dd>
        {status.reason && (
          <>
            <dt>{t('sync.problem')}</dt>
            <dd role="alert">{status.reason}</dd>
          </>
        )}
      </dl>
      <button
        type="button"
        onClick={() => syncNow.mutate(undefined)}
        disabled={syncNow.isPending || status.state === 'syncing'}
      >
        {t('sync.syncNow')}
      </button>{' '}
      <button type="button" onClick={() => unlink.mutate(undefined)} disabled={unlink.isPending}>
        {t('sync.unlinkFromHub')}
      </button>
      {status.conflicts > 0 && (
        <p>
          <a href="#/conflicts">
            {status.conflicts === 1
              ? t('sync.n1RecordNeedsYourDecision')
              : t('sync.recordsNeedYourDecision', { conflicts: status.conflicts })}
          </a>
        </p>
      )}
      {syncNow.isError && <p role="alert">{errorMessage(syncNow.error)}</p>}
    </section>
  )
}
