// The files port of an export (session/export-files.ts) in Electron: the
// native save dialog and the file manager.
import { BrowserWindow, dialog, shell } from 'electron'
import type { FilesPort } from '../session/export-files'

export const electronFiles: FilesPort = {
  async chooseToSave(suggestedName, extension) {
    const window = BrowserWindow.getFocusedWindow()
    const options = {
      defaultPath: suggestedName,
      filters: [{ name: extension === 'csv' ? 'CSV' : 'Text (tab-separated)', extensions: [extension] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
    }
    const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
    return answer.canceled || !answer.filePath ? null : answer.filePath
  },
  showInFolder(path) {
    shell.showItemInFolder(path)
  },
}
