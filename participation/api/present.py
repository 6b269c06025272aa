"""Models to plain data for the API: public fields only, times in UTC, absolute links.

Every function here reads what the caller loaded (the queries decide how many statements a
response costs); none of them touches a relationship that was not loaded with the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from participation.core.translated import translated
from participation.core.urls import public_url_for


@dataclass(frozen=True)
class Languages:
    """The languages a response holds: every offered one, or the one `?lang=` asked for."""

    codes: tuple[str, ...]
    page_lang: str  # the language of links to public pages

    def text(self, value: dict | None) -> dict | None:
        """{"text": {lang: text}, "fallback": [langs shown in Dutch]}; None for an absent text."""
        if not value or not any((text or "").strip() for text in value.values()):
            return None
        texts, fallback = {}, []
        for code in self.codes:
            found = translated(value, code)
            texts[code] = found.text
            if found.is_fallback:
                fallback.append(code)
        return {"text": texts, "fallback": fallback}

    def required(self, value: dict | None) -> dict:
        """As text(), for a field that always has a value: an empty text stays an object."""
        return self.text(value) or {"text": dict.fromkeys(self.codes, ""), "fallback": []}


def utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def page_url(langs: Languages, endpoint: str, **values) -> str:
    return public_url_for(endpoint, lang=langs.page_lang, **values)


def api_url(endpoint: str, **values) -> str:
    return public_url_for(f"api.{endpoint}", **values)


# ----------------------------------------------------------------------- reference data


def theme(t, langs: Languages) -> dict:
    return {
        "id": t.id,
        "slug": t.slug,
        "name": langs.required(t.name),
        "description": langs.text(t.description),
        "url": page_url(langs, "consultations.index", theme=t.slug),
        "consultations_api_url": api_url("consultations", theme=t.slug),
    }


def network(n, langs: Languages) -> dict:
    return {
        "id": n.id,
        "slug": n.slug,
        "name": n.name,
        "description": langs.required(n.description),
        "website": n.website or None,
        "themes": [t.slug for t in n.themes],
        "url": page_url(langs, "networks.index", _anchor=n.slug),
        "consultations_api_url": api_url("consultations", network=n.slug),
    }


# ----------------------------------------------------------------------- consultations


def consultation_summary(c, langs: Languages, now: datetime, networks: list | None = None) -> dict:
    return {
        "id": c.id,
        "slug": c.slug,
        "status": c.status(now).value,
        "title": langs.required(c.title),
        "summary": langs.required(c.summary),
        "opens_at": utc(c.opens_at),
        "closes_at": utc(c.closes_at),
        "published_at": utc(c.published_at),
        "themes": [t.slug for t in c.themes],
        "networks": [n.slug for n in (c.networks if networks is None else networks)],
        "url": page_url(langs, "consultations.detail", slug=c.slug),
        "api_url": api_url("consultation", slug=c.slug),
    }


def consultation(
    c, langs: Languages, now: datetime, *, events, questions, results_public: bool, has_opinion_map: bool = False
) -> dict:
    data = consultation_summary(c, langs, now)
    with_results = c.status(now).value == "results"
    data.update(
        body=langs.required(c.body),
        plain_summary=langs.text(c.plain_summary),
        phases=[
            {"name": langs.required(p.name), "starts_at": utc(p.starts_at), "ends_at": utc(p.ends_at)} for p in c.phases
        ],
        theme_details=[theme(t, langs) for t in c.themes],
        network_details=[network(n, langs) for n in c.networks],
        events=[event_link(e, langs) for e in events],
        questions=[{"id": q.id, "kind": q.kind.value, "prompt": langs.required(q.prompt)} for q in questions],
        results_public=results_public,
        # The page shows results and feedback only once the organisers published them.
        results=langs.text(c.results) if with_results else None,
        feedback=langs.text(c.feedback) if with_results else None,
        results_published_at=utc(c.results_published_at) if with_results else None,
        questions_api_url=api_url("questions", slug=c.slug),
        moderation_api_url=api_url("moderation", slug=c.slug),
        opinion_map_api_url=api_url("opinion_map", slug=c.slug) if has_opinion_map else None,
    )
    return data


def consultation_link(c, langs: Languages) -> dict | None:
    if c is None:
        return None
    return {"slug": c.slug, "title": langs.required(c.title), "api_url": api_url("consultation", slug=c.slug)}


# ----------------------------------------------------------------------- events


def event_link(e, langs: Languages) -> dict:
    return {
        "id": e.id,
        "title": langs.required(e.title),
        "starts_at": utc(e.starts_at),
        "status": e.status.value,
        "url": page_url(langs, "events.detail", event_id=e.id),
        "api_url": api_url("event", event_id=e.id),
    }


def event(e, langs: Languages, now: datetime) -> dict:
    """An event as its public page shows it: counts, never who registered, never the online link."""
    report = None
    if e.report_published_at is not None:
        report = {
            "summary": langs.text(e.report_summary),
            "attendees": e.report_attendees,
            "published_at": utc(e.report_published_at),
        }
    return {
        **event_link(e, langs),
        "description": langs.required(e.description),
        "format": e.format.value,
        "ends_at": utc(e.ends_at),
        "venue": e.venue or None,
        "address": e.address or None,
        "languages": e.language_codes,
        "accessibility": {
            "step_free": bool(e.step_free),
            "sign_language": bool(e.sign_language),
            "induction_loop": bool(e.induction_loop),
            "notes": langs.text(e.accessibility_notes),
        },
        "capacity": e.capacity,
        "places_left": e.places_left,
        "waiting_list": e.waiting_places or 0,
        "registration_open": e.registration_is_open(now),
        "registration_opens_at": utc(e.registration_opens_at),
        "registration_closes_at": utc(e.registration_closes_at),
        "cancel_reason": langs.text(e.cancel_reason) if e.is_cancelled else None,
        "report": report,
        "consultation": consultation_link(e.consultation, langs),
    }


# ----------------------------------------------------------------------- questions


def question(q, langs: Languages, result=None) -> dict:
    """A question with its options; `result` (votes.results.QuestionResult) only when public."""
    by_option = {o.option_id: o for o in result.options} if result is not None else {}
    options = []
    for option in q.options:
        counted = by_option.get(option.id)
        options.append(
            {
                "id": option.id,
                "label": langs.required(option.label),
                "result": None
                if result is None
                else {
                    "count": counted.count if counted else 0,
                    "percent": counted.percent if counted else 0.0,
                    "first_preferences": counted.first_preferences if counted else 0,
                    "borda": counted.borda if counted else 0,
                },
            }
        )
    return {
        "id": q.id,
        "position": q.position,
        "kind": q.kind.value,
        "max_choices": q.max_choices,
        "prompt": langs.required(q.prompt),
        "help": langs.text(q.help),
        "voters": result.voters if result is not None else None,
        "options": options,
    }


# ----------------------------------------------------------------------- the opinion map


def _counts(values: list[int]) -> dict:
    agree, disagree, passed = values
    return {"agree": agree, "disagree": disagree, "pass_": passed}


def opinion_map(c, opinion_map, langs: Languages, now: datetime, *, groups: list[dict], figures: list) -> dict:
    """The stored map as the public map page and its CSV show it (statements.map_view's figures):
    shown groups and their sizes, counts per statement; never a person, an author or a hidden statement."""
    result = opinion_map.result or {}
    return {
        "consultation": api_url("consultation", slug=c.slug),
        "statements_open": opinion_map.is_open(now),
        "opens_at": utc(opinion_map.opens_at),
        "closes_at": utc(opinion_map.closes_at),
        "computed_at": utc(opinion_map.computed_at),
        "participants": result.get("participants", 0),
        "placed": result.get("placed", 0),
        "min_group": result.get("min_group", 0),
        "groups": [{"id": g["number"], "size": g["size"]} for g in groups],
        "statements": [
            {
                "id": f.statement.id,
                "text": langs.required(f.statement.text),
                "language": f.statement.language,
                "counts": _counts(f.counts),
                "groups": [{"group": number, **_counts(values)} for number, values in f.group_counts.items()],
                "common_ground": f.common_ground,
                "distinctive_for": f.distinctive_for,
            }
            for f in figures
        ],
        "url": page_url(langs, "statements.map_page", slug=c.slug),
        "csv_url": page_url(langs, "statements.map_csv", slug=c.slug),
    }
