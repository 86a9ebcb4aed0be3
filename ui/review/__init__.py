"""The Reports workspace: last month's figures per agent, team subtotals, CSV export."""
