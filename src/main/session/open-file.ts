// The app's native open dialog, as the session sees it: the Electron shell
// gives one (shell/open-dialog.ts), tests and the browser bridge a stand-in.
export interface OpenFileDialog {
  /** The path of the CSV file the user chose; null: cancelled. */
  chooseCsv(): Promise<string | null>
}
