"""Quality assurance: recorded interactions to review, the weekly draw, scorecards, reviews, calibration, disputes.

Modules (services take a Session and return frozen dataclasses; mutations return ``Changes``):

* ``interactions`` — the filtered interaction list and one interaction's details (masked customer).
* ``weekly`` — this week's QA status per agent against the R-QA-1 quota.
* ``sampling`` — the draw algorithm ``qa-draw/1`` (pure, seeded, stratified, replayable).
* ``draw`` — ``run_draw``, ``replay_draw``, ``replace_sample``, ``list_draws``, the draw rules, the job function.
* ``reviews`` — ``worklist`` (the week's sample per reviewer and agent, progress, due, overdue),
  ``review_form``, ``save_review``, ``get_review``.
* ``scorecards`` — versioned scorecards and the pure ``score`` function (N/A, weights, critical items).
* ``calibration`` / ``agreement`` — blind calibration sessions, spread and Krippendorff's alpha.
* ``disputes`` — ``raise_dispute``, ``decide_dispute`` (another supervisor), ``list_disputes``, history.
* ``stats`` — per-agent mean dialogue score with a t-interval for week, month and quarter.
* ``recordings`` / ``linking`` — recording files, their checks, the playback audit (R-SEC-3), linking a folder.
"""
