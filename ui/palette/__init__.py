"""The command palette (Ctrl+K): jump to a workspace, tab, action, agent, complaint or week."""
