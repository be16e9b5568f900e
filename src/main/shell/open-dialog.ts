// The native open dialog for a Manager export, over the focused window.
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import type { OpenFileDialog } from '../session/open-file'

const OPTIONS: OpenDialogOptions = {
  properties: ['openFile'],
  filters: [
    { name: 'CSV', extensions: ['csv', 'txt', 'tsv'] },
    { name: '*', extensions: ['*'] },
  ],
}

export const electronOpenFile: OpenFileDialog = {
  async chooseCsv() {
    const window = BrowserWindow.getFocusedWindow()
    const answer = window ? await dialog.showOpenDialog(window, OPTIONS) : await dialog.showOpenDialog(OPTIONS)
    return answer.canceled ? null : (answer.filePaths[0] ?? null)
  },
}
