"""The Schedule workspace: the rota week by team, coverage by hour, who is on shift now."""
