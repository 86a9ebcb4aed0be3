"""Console notifications (the bell) and their delivery to IM groups and e-mail (the outbox).

Other features call, inside their own transaction::

    from app.notifications import post, Recipients
    post(session, kind="sla.warning", params={...masked data only...}, severity="warning",
         recipients=Recipients(person_ids=(7,), roles=("manager",), team_ids=(3,)),
         entity=("complaint", 42), dedupe_key="sla:42:R-SLA-7:warn", level=1)

and add their kind's template (en and zh_CN) to :mod:`app.notifications.templates`.
"""

from app.notifications.service import (
    NotificationView,
    Recipients,
    mark_read,
    post,
    post_returning_id,
    recent_for,
    resolve,
    unread_count,
    unread_for,
)
from app.notifications.templates import Rendered, UnmaskedData, check_params, render

__all__ = [
    "NotificationView", "Recipients", "Rendered", "UnmaskedData", "check_params", "mark_read", "post",
    "post_returning_id", "recent_for", "render", "resolve", "unread_count", "unread_for",
]
