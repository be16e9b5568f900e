/** electron-builder's appId (a packaging test keeps them equal): Windows shows notifications only for the app id its installed shortcut carries. */
export const APP_USER_MODEL_ID = 'ch.partnerdesk.desktop'
