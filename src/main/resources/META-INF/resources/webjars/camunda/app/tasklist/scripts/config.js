// Proposal Flow's Tasklist configuration: Tasklist's own keyboard shortcuts, and a fix that lets
// forms with a dynamic list (plan the writing, budget, section review) be completed.
export default {
  customScripts: ['proposal-flow/dynamic-list-validation'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
