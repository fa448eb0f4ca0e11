// Proposal Flow's Cockpit configuration: adds the "Proposal portfolio" dashboard (portfolio/plugin.js).
export default {
  customScripts: ['portfolio/plugin.js']
};
