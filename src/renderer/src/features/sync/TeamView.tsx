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
      <h2>Team</h2>
      <AuthorForm current={status?.author ?? ''} />
      {status?.linked ? <LinkedHub /> : <LinkForm />}
      <section aria-labelledby="team-activity">
        <h3 id="team-activity">Changes from the team</h3>
        {team.data && team.data.activity.length === 0 && (
          <p className="muted">No change has come from the hub yet.</p>
        )}
        {team.data && team.data.activity.length > 0 && (
          <table className="team-activity">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {team.data.activity.map((entry, index) => (
                <tr key={`${entry.at}-${entry.id}-${index}`}>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>{entry.author}</td>
                  <td>
                    {entry.action === 'merged' ? 'merged automatically' : entry.action} (
                    {entry.collection})
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
          <h3 id="team-quarantine">Kept out (failed the checks)</h3>
          <ul>
            {team.data.quarantine.map((doc) => (
              <li key={`${doc.docId}-${doc.rev}`}>
                <code>{doc.docId}</code> from {doc.author || 'unknown'}: {doc.reason}
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
  const value = author ?? (current === 'Unnamed analyst' ? '' : current)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (value.trim()) save.mutate(value.trim(), { onSuccess: () => setAuthor(null) })
  }
  return (
    <form className="team-form" onSubmit={submit}>
      <label>
        Your name (shown with your changes)
        <input value={value} onChange={(e) => setAuthor(e.target.value)} maxLength={120} />
      </label>
      <button type="submit" disabled={save.isPending || !value.trim()}>
        Save name
      </button>
      {save.isSuccess && author === null && <span className="muted">Name saved.</span>}
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
      <h3 id="team-link">Link to a team hub</h3>
      <p className="muted">
        A CouchDB 3 database (or a Couch-compatible service). https:// is required, except for a hub
        on this computer. The password is kept by this computer, never in the project.
      </p>
      <label>
        Hub database URL
        <input
          className="team-url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://hub.example.org/team-corpus"
          required
        />
      </label>
      <label>
        User name
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
        />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
        />
      </label>
      <label className="team-check">
        <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
        Keep in sync continuously
      </label>
      <button type="submit" disabled={link.isPending || !url}>
        Link project
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
      <h3 id="team-hub">Team hub</h3>
      <dl>
        <dt>Hub</dt>
        <dd>
          <code>{status.remote}</code>
          {status.username ? ` as ${status.username}` : ''}
        </dd>
        <dt>Mode</dt>
        <dd>{status.live ? 'continuous' : 'when you press Sync now'}</dd>
        <dt>Last sync</dt>
        <dd>{status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : 'never'}</dd>
        {status.reason && (
          <>
            <dt>Problem</dt>
            <dd role="alert">{status.reason}</dd>
          </>
        )}
      </dl>
      <button
        type="button"
        onClick={() => syncNow.mutate(undefined)}
        disabled={syncNow.isPending || status.state === 'syncing'}
      >
        Sync now
      </button>{' '}
      <button type="button" onClick={() => unlink.mutate(undefined)} disabled={unlink.isPending}>
        Unlink from hub
      </button>
      {status.conflicts > 0 && (
        <p>
          <a href="#/conflicts">
            {status.conflicts === 1
              ? '1 record needs your decision'
              : `${status.conflicts} records need your decision`}
          </a>
        </p>
      )}
      {syncNow.isError && <p role="alert">{errorMessage(syncNow.error)}</p>}
    </section>
  )
}
