"""Rota optimisation: weekly tours (CP-SAT/HiGHS through OR-Tools), breaks, quality figures, intraday
re-plans, the Curtois & Qu benchmark format, and saving a draft rota.

``model`` holds the input and output dataclasses, ``engine`` the weekly solve, ``replan`` the
intraday re-plan, ``quality`` coverage/service level/rule checks, ``instances`` the benchmark
format, ``service`` the database side, ``cli`` and ``bench`` the commands.
"""
