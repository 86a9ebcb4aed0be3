"""Quality assurance: recorded interactions to review, this week's QA status per agent."""
