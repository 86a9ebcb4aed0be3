"""Staffing: how many agents an interval needs (Erlang C, Erlang A), headless and fast.

``app.staffing.erlang`` holds the queueing maths (pure, no database); ``app.staffing.cli`` the
``floorwalker staffing`` command; ``app.staffing.bench`` the ``staffing`` benchmark.
"""
