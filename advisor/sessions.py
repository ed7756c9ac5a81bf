"""Django's database sessions, read by a query compiled once (`SESSION_ENGINE`).

Every wizard step and every owner's page reads the buyer's session first, and Django's own
store builds that `SELECT` through the ORM each time: about a third of a millisecond, longer
than SQLite takes to answer. Same table, same rows, same expiry: only the read is compiled.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from .services.compiled import Compiled

_session_by_key = Compiled(
    lambda session_key: Session.objects.filter(session_key=session_key),
    parameters=("session_key",),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        # Django's store asks for `expire_date > now` in SQL; the time cannot be part of a
        # compiled query, so the row is read by its key alone and its expiry checked here.
        found = self.session_key and _session_by_key(session_key=self.session_key)
        if found and found[0].expire_date > timezone.now():
            return found[0]
        self._session_key = None
        return None
