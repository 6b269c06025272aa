"""The demo content files (content/*.toml), read and checked.

Each `load_*` function reads one file into frozen dataclasses and refuses, with the file, the
entry and the field, anything the seeders could not use: a missing field or language, a value
of the wrong kind, an unknown field, a reference to an account, consultation or event that the
other files do not have, dates that do not fit a consultation's state. The files are read once
per process; `folder` lets tests read a copy.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from participation.consultations.reference_data import load_networks, load_themes
from participation.core.datafile import CONTENT_LANGUAGES, ContentError, Entry, entries, read_toml
from participation.core.errors import UserError
from participation.core.permissions import Role

FOLDER = Path(__file__).resolve().parent / "content"
FILES = ("accounts", "consultations", "events", "questions", "comments", "moderation", "statements")

STATES = ("draft", "upcoming", "open", "closed", "results")
FORMATS = ("in_person", "online", "hybrid")
KINDS = ("single", "multiple", "ranking", "scale")
ALIGNMENTS = ("for", "against", "neutral")
REPORT_REASONS = ("spam", "offensive", "personal_data", "off_topic", "other")
HIDE_REASONS = (*REPORT_REASONS, "illegal")
MAX_REPLY_DEPTH = 3  # comments.models.MAX_DEPTH: a reply to a reply to a reply


def _where() -> str:
    return field(default="", compare=False, repr=False)


# ------------------------------------------------------------------------------ accounts


@dataclass(frozen=True)
class DemoAccount:
    key: str
    email: str
    name: str
    role: Role
    password: str
    language: str


@dataclass(frozen=True)
class DemoPerson:
    """Takes part in the demo but cannot log in (a random password nobody knows)."""

    key: str
    email: str
    name: str
    language: str


@cache
def load_accounts(folder: Path = FOLDER) -> tuple[tuple[DemoAccount, ...], tuple[DemoPerson, ...]]:
    path = folder / "accounts.toml"
    data = read_toml(path)
    accounts, people = [], []
    for entry in entries(path, data, "accounts", ident="key"):
        accounts.append(
            DemoAccount(
                key=entry.text("key"),
                email=entry.text("email"),
                name=entry.text("name"),
                role=Role(entry.choice("role", [r.value for r in Role])),
                password=entry.text("password"),
                language=entry.choice("language", CONTENT_LANGUAGES),
            )
        )
        entry.done()
    for entry in entries(path, data, "people", ident="key"):
        people.append(
            DemoPerson(
                key=entry.text("key"),
                email=entry.text("email"),
                name=entry.text("name"),
                language=entry.choice("language", CONTENT_LANGUAGES),
            )
        )
        entry.done()
    _unique(path, "key", [a.key for a in accounts] + [p.key for p in people])
    _unique(path, "email", [a.email.lower() for a in accounts] + [p.email.lower() for p in people])
    return tuple(accounts), tuple(people)


def account_keys(folder: Path = FOLDER) -> set[str]:
    accounts, people = load_accounts(folder)
    return {a.key for a in accounts} | {p.key for p in people}


# ------------------------------------------------------------------------- consultations


@dataclass(frozen=True)
class Phase:
    name: dict
    starts_days: int
    ends_days: int


@dataclass(frozen=True)
class ConsultationSpec:
    slug: str
    state: str
    themes: tuple[str, ...]
    networks: tuple[str, ...]
    opens_days: int
    closes_days: int
    organisers: tuple[str, ...]
    results_visible_while_open: bool
    title: dict
    summary: dict
    body: dict
    plain_summary: dict | None
    results: dict | None
    feedback: dict | None
    phases: tuple[Phase, ...]
    where: str = _where()


@cache
def load_consultations(folder: Path = FOLDER) -> tuple[ConsultationSpec, ...]:

    path = folder / "consultations.toml"
    themes = {t["slug"] for t in load_themes()}
    networks = {n["slug"] for n in load_networks()}
    accounts = account_keys(folder)
    specs = []
    for entry in entries(path, read_toml(path), "consultations", ident="slug"):
        entry.missing_on_purpose = frozenset(entry.texts("missing_on_purpose", ()))
        phases = []
        for phase in entry.tables("phases"):
            phases.append(Phase(phase.translated("name"), phase.integer("starts_days"), phase.integer("ends_days")))
            phase.done()
        spec = ConsultationSpec(
            slug=entry.text("slug"),
            state=entry.choice("state", STATES),
            themes=entry.texts("themes", ()),
            networks=entry.texts("networks", ()),
            opens_days=entry.integer("opens_days"),
            closes_days=entry.integer("closes_days"),
            organisers=entry.texts("organisers"),
            results_visible_while_open=entry.flag("results_visible_while_open", False),
            title=entry.translated("title"),
            summary=entry.translated("summary"),
            body=entry.translated("body"),
            plain_summary=entry.translated("plain_summary", None),
            results=entry.translated("results", None),
            feedback=entry.translated("feedback", None),
            phases=tuple(phases),
            where=entry.where,
        )
        entry.done()
        _known(entry, "theme", spec.themes, themes, "../../consultations/reference/themes.toml")
        _known(entry, "network", spec.networks, networks, "../../consultations/reference/networks.toml")
        _known(entry, "organiser", spec.organisers, accounts, "accounts.toml")
        _check_dates(entry, spec)
        specs.append(spec)
    _unique(path, "slug", [s.slug for s in specs])
    return tuple(specs)


def _check_dates(entry: Entry, spec: ConsultationSpec) -> None:
    """The days must fit the state: the seeders bring each consultation there through the rules."""
    opens, closes = spec.opens_days, spec.closes_days
    if closes <= opens:
        raise entry.error("closes_days must come after opens_days.")
    fits = {
        "draft": True,
        "upcoming": opens > 0,
        "open": opens <= 0 < closes,
        "closed": closes < 0,
        "results": closes < 0,
    }[spec.state]
    if not fits:
        raise entry.error(
            f'opens_days = {opens} and closes_days = {closes} do not fit state = "{spec.state}" '
            "(days count from today: negative is in the past)."
        )
    if spec.state == "results" and not (spec.results and spec.feedback):
        raise entry.error('state = "results" needs results and feedback texts.')
    for phase in spec.phases:
        if phase.ends_days < phase.starts_days:
            raise entry.error("a phase's ends_days must not come before its starts_days.")


# -------------------------------------------------------------------------------- events


@dataclass(frozen=True)
class RegistrationSpec:
    """A demo account (`account`) or a visitor without an account (name, email, language)."""

    account: str | None
    name: str | None
    email: str | None
    language: str | None
    checked_in: bool


@dataclass(frozen=True)
class EventSpec:
    key: str
    consultation: str | None
    starts_days: int
    start_time: str
    duration_minutes: int
    format: str
    venue: str | None
    address: str | None
    online_url: str | None
    languages: tuple[str, ...]
    capacity: int
    step_free: bool
    sign_language: bool
    induction_loop: bool
    ask_dietary: bool
    ask_accessibility: bool
    cancelled: bool
    title: dict
    description: dict
    free_question: dict | None
    cancel_reason: dict | None
    report_summary: dict | None
    report_attendees: int | None
    registrations: tuple[RegistrationSpec, ...]
    where: str = _where()

    @property
    def hour_and_minute(self) -> tuple[int, int]:
        hour, minute = self.start_time.split(":")
        return int(hour), int(minute)


@cache
def load_events(folder: Path = FOLDER) -> tuple[EventSpec, ...]:
    path = folder / "events.toml"
    slugs = {c.slug for c in load_consultations(folder)}
    accounts = account_keys(folder)
    specs = []
    for entry in entries(path, read_toml(path), "events", ident="key"):
        registrations = [_registration(r, accounts) for r in entry.tables("registrations")]
        report = entry.table("report", None)
        spec = EventSpec(
            key=entry.text("key"),
            consultation=entry.text("consultation", None),
            starts_days=entry.integer("starts_days"),
            start_time=entry.text("start_time"),
            duration_minutes=entry.integer("duration_minutes"),
            format=entry.choice("format", FORMATS),
            venue=entry.text("venue", None),
            address=entry.text("address", None),
            online_url=entry.text("online_url", None),
            languages=entry.texts("languages"),
            capacity=entry.integer("capacity"),
            step_free=entry.flag("step_free"),
            sign_language=entry.flag("sign_language"),
            induction_loop=entry.flag("induction_loop"),
            ask_dietary=entry.flag("ask_dietary"),
            ask_accessibility=entry.flag("ask_accessibility"),
            cancelled=entry.flag("cancelled", False),
            title=entry.translated("title"),
            description=entry.translated("description"),
            free_question=entry.translated("free_question", None),
            cancel_reason=entry.translated("cancel_reason", None),
            report_summary=report.translated("summary") if report else None,
            report_attendees=report.integer("attendees", None) if report else None,
            registrations=tuple(registrations),
            where=entry.where,
        )
        if report:
            report.done()
        entry.done()
        _check_event(entry, spec, slugs)
        specs.append(spec)
    _unique(path, "key", [s.key for s in specs])
    _unique(path, "title.nl", [s.title["nl"] for s in specs])
    return tuple(specs)


def _registration(entry: Entry, accounts: set[str]) -> RegistrationSpec:
    account = entry.text("account", None)
    if account is not None:
        _known(entry, "account", [account], accounts, "accounts.toml")
        spec = RegistrationSpec(account, None, None, None, entry.flag("checked_in", False))
    else:
        spec = RegistrationSpec(
            None,
            entry.text("name"),
            entry.text("email"),
            entry.choice("language", CONTENT_LANGUAGES),
            entry.flag("checked_in", False),
        )
    entry.done()
    return spec


def _check_event(entry: Entry, spec: EventSpec, slugs: set[str]) -> None:
    if spec.consultation is not None:
        _known(entry, "consultation", [spec.consultation], slugs, "consultations.toml")
    try:
        hour, minute = spec.hour_and_minute
        valid_time = 0 <= hour < 24 and 0 <= minute < 60
    except ValueError:
        valid_time = False
    if not valid_time:
        raise entry.error(f'start_time must be an hour like "19:00", not "{spec.start_time}".')
    if spec.duration_minutes < 1 or spec.capacity < 1:
        raise entry.error("duration_minutes and capacity must be at least 1.")
    if spec.format in ("in_person", "hybrid") and not (spec.venue and spec.address):
        raise entry.error(f'format = "{spec.format}" needs a venue and an address.')
    if spec.format in ("online", "hybrid") and not (spec.online_url or "").startswith("https://"):
        raise entry.error(f'format = "{spec.format}" needs an online_url starting with https://.')
    unknown = [lang for lang in spec.languages if lang not in CONTENT_LANGUAGES]
    if unknown or not spec.languages:
        raise entry.error('languages must list one or more of "nl", "en", "fr".')
    if spec.cancelled and (spec.cancel_reason is None or spec.starts_days <= 0):
        raise entry.error("a cancelled event needs a cancel_reason and must still be to come (starts_days > 0).")
    if spec.report_summary and spec.starts_days >= 0:
        raise entry.error("only a past event (starts_days < 0) can have a report.")
    if spec.cancelled and spec.registrations:
        raise entry.error("a cancelled event has no registrations in the demo.")
    if any(r.checked_in for r in spec.registrations) and spec.starts_days >= 0:
        raise entry.error("checked_in = true only fits a past event (starts_days < 0).")


# ----------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class QuestionSpec:
    consultation: str
    kind: str
    max_choices: int | None
    prompt: dict
    help: dict | None
    options: tuple[dict, ...]
    where: str = _where()


@cache
def load_questions(folder: Path = FOLDER) -> tuple[tuple[str, ...], tuple[QuestionSpec, ...]]:
    """(the voters' account keys, the questions)."""
    path = folder / "questions.toml"
    data = read_toml(path)
    voters = data.get("voters")
    if not isinstance(voters, list) or not voters or not all(isinstance(v, str) for v in voters):
        raise ContentError(f'{path.name}: voters must list demo account keys, e.g. voters = ["resident"].')
    accounts = account_keys(folder)
    unknown = [v for v in voters if v not in accounts]
    if unknown:
        raise ContentError(f"{path.name}: unknown voter(s) {', '.join(unknown)}: use the keys of accounts.toml.")
    slugs = {c.slug for c in load_consultations(folder)}
    specs = []
    for entry in entries(path, data, "questions", ident="consultation"):
        options = []
        for option in entry.tables("options"):
            options.append(option.own_texts())
            option.done()
        spec = QuestionSpec(
            consultation=entry.text("consultation"),
            kind=entry.choice("kind", KINDS),
            max_choices=entry.integer("max_choices", None),
            prompt=entry.translated("prompt"),
            help=entry.translated("help", None),
            options=tuple(options),
            where=entry.where,
        )
        entry.done()
        _known(entry, "consultation", [spec.consultation], slugs, "consultations.toml")
        if spec.kind == "scale" and (spec.options or spec.max_choices is not None):
            raise entry.error("a scale question has no options and no max_choices: the platform gives the answers.")
        if spec.kind != "scale" and not 2 <= len(spec.options) <= 10:
            raise entry.error("a question needs 2 to 10 [[questions.options]].")
        if spec.kind == "multiple" and not 1 <= (spec.max_choices or 0) <= len(spec.options):
            raise entry.error("a multiple-choice question needs max_choices between 1 and the number of options.")
        if spec.kind in ("single", "ranking") and spec.max_choices is not None:
            raise entry.error("only a multiple-choice question has max_choices.")
        specs.append(spec)
    return tuple(voters), tuple(specs)


# ------------------------------------------------------------------------------ comments


@dataclass(frozen=True)
class CommentSpec:
    consultation: str | None  # None for replies: they belong to their parent's consultation
    author: str
    alignment: str
    body: str
    replies: tuple[CommentSpec, ...]
    where: str = _where()


@cache
def load_comments(folder: Path = FOLDER) -> tuple[CommentSpec, ...]:
    path = folder / "comments.toml"
    slugs = {c.slug for c in load_consultations(folder)}
    accounts = account_keys(folder)
    specs = []
    for entry in entries(path, read_toml(path), "comments", ident="consultation"):
        spec = _comment(entry, accounts, depth=0)
        _known(entry, "consultation", [spec.consultation], slugs, "consultations.toml")
        specs.append(spec)
    return tuple(specs)


def _comment(entry: Entry, accounts: set[str], depth: int) -> CommentSpec:
    if depth > MAX_REPLY_DEPTH:
        raise entry.error(f"replies go at most {MAX_REPLY_DEPTH} levels deep.")
    spec = CommentSpec(
        consultation=entry.text("consultation") if depth == 0 else None,
        author=entry.text("author"),
        alignment=entry.choice("alignment", ALIGNMENTS),
        body=entry.text("body"),
        replies=tuple(_comment(reply, accounts, depth + 1) for reply in entry.tables("replies")),
        where=entry.where,
    )
    entry.done()
    _known(entry, "author", [spec.author], accounts, "accounts.toml")
    return spec


# ---------------------------------------------------------------------------- moderation


@dataclass(frozen=True)
class ModeratedComment:
    key: str
    consultation: str
    author: str
    alignment: str
    hours_ago: int
    body: dict
    where: str = _where()


@dataclass(frozen=True)
class Report:
    comment: str
    reporter: str
    reason: str
    text: dict


@dataclass(frozen=True)
class Hide:
    comment: str
    moderator: str
    reason: str
    note: dict


@dataclass(frozen=True)
class Appeal:
    comment: str
    text: dict


@dataclass(frozen=True)
class Suspension:
    person: str
    moderator: str
    days: int
    reason: dict
    appeal: dict | None = None  # the person's appeal against it, waiting for a decision


@dataclass(frozen=True)
class PendingGuest:
    event: str
    name: str
    email: str
    language: str


@dataclass(frozen=True)
class Moderation:
    pre_moderated: str
    pending_guest: PendingGuest
    comments: tuple[ModeratedComment, ...]
    reports: tuple[Report, ...]
    hides: tuple[Hide, ...]
    appeals: tuple[Appeal, ...]
    suspensions: tuple[Suspension, ...]


@cache
def load_moderation(folder: Path = FOLDER) -> Moderation:
    path = folder / "moderation.toml"
    data = read_toml(path)
    accounts = account_keys(folder)
    slugs = {c.slug for c in load_consultations(folder)}
    top = Entry(path, "the top of the file", {k: v for k, v in data.items() if not isinstance(v, list)})
    pre_moderated = top.text("pre_moderated")
    _known(top, "consultation", [pre_moderated], slugs, "consultations.toml")
    guest_entry = top.table("pending_guest")
    guest = PendingGuest(
        event=guest_entry.text("event"),
        name=guest_entry.text("name"),
        email=guest_entry.text("email"),
        language=guest_entry.choice("language", CONTENT_LANGUAGES),
    )
    guest_entry.done()
    top.done()
    _known(guest_entry, "event", [guest.event], {e.key for e in load_events(folder)}, "events.toml")

    comments = []
    for entry in entries(path, data, "comments", ident="key"):
        comment = ModeratedComment(
            key=entry.text("key"),
            consultation=entry.text("consultation"),
            author=entry.text("author"),
            alignment=entry.choice("alignment", ALIGNMENTS),
            hours_ago=entry.integer("hours_ago"),
            body=entry.translated("body"),
            where=entry.where,
        )
        entry.done()
        _known(entry, "consultation", [comment.consultation], slugs, "consultations.toml")
        _known(entry, "author", [comment.author], accounts, "accounts.toml")
        comments.append(comment)
    _unique(path, "key", [c.key for c in comments])
    keys = {c.key for c in comments}

    def each(name: str, ident: str, build) -> tuple:
        """The [[name]] entries, built, with their comment and account keys checked."""
        made = []
        for entry in entries(path, data, name, ident=ident):
            item = build(entry)
            entry.done()
            if hasattr(item, "comment"):
                _known(entry, "comment", [item.comment], keys, "the [[comments]] of this file")
            for attribute in ("person", "reporter", "moderator"):
                if hasattr(item, attribute):
                    _known(entry, attribute, [getattr(item, attribute)], accounts, "accounts.toml")
            made.append(item)
        return tuple(made)

    return Moderation(
        pre_moderated=pre_moderated,
        pending_guest=guest,
        comments=tuple(comments),
        reports=each(
            "reports",
            "comment",
            lambda e: Report(
                e.text("comment"), e.text("reporter"), e.choice("reason", REPORT_REASONS), e.translated("text")
            ),
        ),
        hides=each(
            "hides",
            "comment",
            lambda e: Hide(
                e.text("comment"), e.text("moderator"), e.choice("reason", HIDE_REASONS), e.translated("note")
            ),
        ),
        appeals=each("appeals", "comment", lambda e: Appeal(e.text("comment"), e.translated("text"))),
        suspensions=each(
            "suspensions",
            "person",
            lambda e: Suspension(
                e.text("person"),
                e.text("moderator"),
                e.integer("days"),
                e.translated("reason"),
                e.translated("appeal", None),
            ),
        ),
    )


# ------------------------------------------------------------------------------- helpers


@contextmanager
def refused_by_the_rules(spec):
    """A service refusing an entry (a text the editor would not take, say) names the entry."""

    try:
        yield
    except UserError as exc:
        field = f" (field {exc.field})" if getattr(exc, "field", None) else ""
        raise ContentError(f"{spec.where}: the platform refused it{field}: {exc}") from exc


def load_all(folder: Path = FOLDER) -> None:
    """Read and check every file (raises ContentError at the first mistake)."""
    load_accounts(folder)
    load_consultations(folder)
    load_events(folder)
    load_questions(folder)
    load_comments(folder)
    load_moderation(folder)
    load_statements(folder)


def _known(entry: Entry, what: str, values, known: set[str], file: str) -> None:
    unknown = [value for value in values if value not in known]
    if unknown:
        raise entry.error(f"unknown {what} {', '.join(unknown)}: it is not in {file}.")


def _unique(path: Path, what: str, values: list[str]) -> None:
    doubles = sorted({value for value in values if values.count(value) > 1})
    if doubles:
        raise ContentError(f"{path.name}: {what} {', '.join(doubles)} is used by more than one entry.")


@dataclass(frozen=True)
class StatementsSpec:
    """The opinion map's demo (statements.toml): planted groups of synthetic voters on one
    consultation, and statements without votes on another."""

    consultation: str
    voters: tuple[int, ...]
    seed: int
    statements: tuple[tuple[dict[str, str], str], ...]  # (texts, stance per group: + - 0)
    open_consultation: str
    open_statements: tuple[dict[str, str], ...]


STATEMENT_MAX_LENGTH = 280


def load_statements(folder: Path = FOLDER) -> StatementsSpec:
    path = folder / "statements.toml"
    top = Entry(path, "the file's top", read_toml(path))
    slugs = {spec.slug for spec in load_consultations(folder)}
    consultation, open_consultation = top.text("consultation"), top.text("open_consultation")
    for slug in (consultation, open_consultation):
        if slug not in slugs:
            raise top.error(f'unknown consultation "{slug}": it is not in consultations.toml.')
    voters = top.integers("voters")
    if not all(size > 0 for size in voters):
        raise top.error('"voters" must be a list of group sizes above zero, e.g. [14, 11, 9].')
    seed = top.integer("seed", 0)
    statements = []
    top.tables("statements"), top.tables("open_statements")  # read below, entry by entry
    for entry in entries(path, top.values, "statements"):
        stance = entry.text("stance")
        if len(stance) != len(voters) or set(stance) - {"+", "-", "0"}:
            raise entry.error(f'"stance" must give +, - or 0 for each of the {len(voters)} groups, not "{stance}".')
        statements.append((_statement_texts(entry), stance))
        entry.done()
    open_statements = []
    for entry in entries(path, top.values, "open_statements"):
        open_statements.append(_statement_texts(entry))
        entry.done()
    top.done()
    return StatementsSpec(consultation, voters, seed, tuple(statements), open_consultation, tuple(open_statements))


def _statement_texts(entry: Entry) -> dict[str, str]:
    texts = entry.own_texts()
    too_long = [lang for lang, text in texts.items() if len(text) > STATEMENT_MAX_LENGTH]
    if too_long:
        raise entry.error(
            f"a statement has at most {STATEMENT_MAX_LENGTH} characters ({', '.join(too_long)} is longer)."
        )
    return texts
