"""The named places where one feature adds to another, without importing it.

Features never import each other's views or set-up; they meet here. At start-up each
feature's `setup.init_app(app)` registers its contributions on the points below, and the
feature that owns a point reads them at request time (or from a command). A contribution
is per application (stored in `app.extensions`), so two apps in one process (tests,
workers) never see each other's.

Point                   emitted / read by                  contributed by
----------------------  ---------------------------------  ------------------------------------
consultation_sections   consultations (consultation page)  events, votes, comments, statements...
home_sections           pages (home page)                  consultations, events
personal_data           accounts (download, erasure)       every feature holding personal data
participation_sources   my_participation ("my page")       events, comments, votes
email_change_handlers   accounts (address confirmed)       features that keep addresses (events)
results_published       consultations (publish results)    my_participation (mail participants)
back_office_parts       consultations (organiser's hub)    votes, events, comments, statements
demo_seeders            demo (`flask seed-demo`)           the demo package, per feature

The infrastructure in `core` has its own registration functions, documented where they
live: background jobs (`core.jobs.register_job`), periodic jobs
(`core.scheduler.register_periodic`), mail fan-outs (`core.fan_out.register_fan_out`) and
retention purges (`core.retention.register_purge`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import Flask, current_app

T = TypeVar("T")

_STORE = "participation.extension_points"


class ExtensionPoint(Generic[T]):
    """An ordered list of contributions, kept per application.

    `order` sorts contributions (lower first; equal orders keep registration order).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def register(self, app: Flask, contribution: T, *, order: int = 50) -> None:
        entries = app.extensions.setdefault(_STORE, {}).setdefault(self.name, [])
        entries.append((order, len(entries), contribution))
        entries.sort(key=lambda entry: entry[:2])

    def contributions(self, app: Flask | None = None) -> list[T]:
        app = app or current_app
        return [entry[2] for entry in app.extensions.get(_STORE, {}).get(self.name, [])]


# --- The consultation page -------------------------------------------------------------
@dataclass(frozen=True)
class ConsultationSection:
    """A block a feature adds to a consultation's page (events, questions, discussion).

    `provide(consultation, user) -> consultations.sections.Section | None`: it may read, never
    write, and runs a fixed, small number of queries whatever the amount of data. `shows`: the
    families of tables (core/page_cache.py) besides "content" whose rows the block shows. Its
    rendering is kept in the page cache until a write to one of them, so that a ballot renders the
    questions afresh, not the discussion (tests/test_page_cache_families.py checks the families
    against the tables each block reads). `order` places it.
    """

    provide: Callable[[Any, Any], Any]
    shows: frozenset[str] = frozenset()


consultation_sections: ExtensionPoint[ConsultationSection] = ExtensionPoint("consultation_sections")

# --- The home page ---------------------------------------------------------------------
# A provider `fn() -> (template, context) | None` adds a block to the home page. The home
# page is cached for anonymous visitors, so it must not depend on who is looking.
home_sections: ExtensionPoint[Callable[[], tuple[str, dict] | None]] = ExtensionPoint("home_sections")


# --- Personal data (GDPR download and erasure) -------------------------------------------
@dataclass(frozen=True)
class PersonalData:
    """What a feature holds about a person.

    `exporter(user) -> dict` returns JSON-ready rows for the data download;
    `eraser(user, options) -> None` removes or unlinks them in the caller's transaction
    (options: accounts.gdpr.ErasureOptions). Register with a high `order` (e.g. 100) to run
    after the others (the outbox: other erasers may still queue mail).
    """

    name: str
    exporter: Callable | None = None
    eraser: Callable | None = None


personal_data: ExtensionPoint[PersonalData] = ExtensionPoint("personal_data")


# --- "My participation" ------------------------------------------------------------------
@dataclass(frozen=True)
class ParticipationSource:
    """How someone took part through a feature: `consultation_ids_for_user(user_id_column)`
    returns a SELECT of consultation ids (correlated on the given column). `name` is one of
    my_participation.queries.SOURCES."""

    name: str
    consultation_ids_for_user: Callable


participation_sources: ExtensionPoint[ParticipationSource] = ExtensionPoint("participation_sources")

# --- An account's new e-mail address is confirmed ----------------------------------------
# `handler(user)` runs in the confirming transaction; a feature that keeps data by address
# moves it to the new one. It must not commit.
email_change_handlers: ExtensionPoint[Callable[[Any], None]] = ExtensionPoint("email_change_handlers")

# --- A consultation's results are published -----------------------------------------------
# `fn(consultation)` runs inside the publishing transaction (queue mail, never send it here).
results_published: ExtensionPoint[Callable[[Any], None]] = ExtensionPoint("results_published")


# --- A consultation's back office (the organisers' overview and its navigation) ------------
@dataclass(frozen=True)
class BackOfficePart:
    """One part of a consultation's back office that another feature runs (questions, events...).

    `summary(consultation, user)` returns a `consultations.hub.HubPart` (or None) for the overview
    page; it may read, never write, and runs a fixed, small number of queries whatever the amount
    of data. When `tab_label` is set, the consultation's navigation gets a tab to `url(consultation)`,
    current on the endpoints in `endpoints`.
    """

    name: str
    summary: Callable[[Any, Any], Any] | None = None
    tab_label: Callable[[], str] | None = None
    url: Callable[[Any], str] | None = None
    endpoints: tuple[str, ...] = ()


back_office_parts: ExtensionPoint[BackOfficePart] = ExtensionPoint("back_office_parts")

# --- Demo content --------------------------------------------------------------------------
# `seeder(accounts: dict[str, User]) -> None` creates a feature's demo content through the
# feature's own services; it must be idempotent (`flask seed-demo` may run again).
demo_seeders: ExtensionPoint[Callable[[dict], None]] = ExtensionPoint("demo_seeders")
