"""The ministry desk: the registry of famous cities and parks, its rules, reports and result import.

* :mod:`~reviewer.ministry.rules` — the data-driven rules (``reviewer/resources/rules/registry-rules.json``)
* :mod:`~reviewer.ministry.engine` — pure: a candidate's facts → status, notices, publicity, stars
* :mod:`~reviewer.ministry.registry` — the database (SQLite or PostgreSQL, Alembic), frozen values out
* :mod:`~reviewer.ministry.reports` — star lists, notices, publicity list, histories, calibration
* :mod:`~reviewer.ministry.report_tables` — the plain table model of the reports and their language
* :mod:`~reviewer.ministry.lifecycle_tables` — the progress-report and priority-flag tables
"""

FORMATS = ("table", "csv", "json", "xlsx")  # of the reports (reviewer.ministry.render)
