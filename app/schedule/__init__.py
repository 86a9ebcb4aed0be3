"""Workforce management: the rota week, who is on shift (forecasting, Erlang staffing and rota
optimisation of issue 4 will live next to it)."""
