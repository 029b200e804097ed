import { dismissNotice, useCampus } from '../state'

/** Messages that outlive an action: bad links, unreadable storage, failed imports. */
export function Notices() {
  const notices = useCampus((s) => s.notices)
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'info' ? 'status' : 'alert'}
          data-notice={n.tone}
        >
          <div className="notice-body">
            <p className="notice-title">{n.title}</p>
            {n.details.length > 0 && (
              <ul className="notice-details">
                {n.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notice"
            onClick={() => dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
