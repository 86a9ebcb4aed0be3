"""Complaints and service requests: the board by stage (R-FLOW-1), resolution deadlines, timelines."""
