export * from './actions'
export * from './climate'
export * from './derived'
export * from './store'
