import { useCallback, useRef } from 'react'
import { setViewObstacle, viewObstaclesChanged } from '../state'

/**
 * A ref for an element laid over the 3D view: the scene's labels keep clear of it
 * (state/viewObstacles.ts). Its size changes are passed on so the labels move at once.
 */
export function useViewObstacle(id: string): (element: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null)
  return useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect()
      observer.current = null
      if (!element) {
        setViewObstacle(id, null)
        return
      }
      setViewObstacle(id, {
        rect: () => {
          const r = element.getBoundingClientRect()
          return r.width > 0 && r.height > 0
            ? { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }
            : null
        },
      })
      if (typeof ResizeObserver !== 'undefined') {
        observer.current = new ResizeObserver(() => viewObstaclesChanged())
        observer.current.observe(element)
      }
    },
    [id],
  )
}
