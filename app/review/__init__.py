"""Reports: monthly figures per agent and team against the R-KPI targets."""
