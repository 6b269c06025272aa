"""Demo moderation states, written with the features' own services (rules, audit log, mail).

Without them every demo comment is published and the moderation workspace is empty.
Built from the demo residents and consultations, idempotent like the rest of the demo:

- one consultation is pre-moderated, and a comment there waits for a moderator;
- a comment has open reports (fewer than the automatic hiding threshold);
- a comment was hidden by the moderator for personal data (its author may still appeal);
- another was hidden by the administrator and its author appealed: the demo moderator decides;
- a person who is not a demo login account posted advertising, was hidden and suspended;
- a visitor asked for a place at an event and has not clicked the confirmation link yet.

Texts come per language; the author's (or the moderator's addressee's) language is used.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

import sqlalchemy as sa

from participation.extensions import db

PRE_MODERATED = "culturele-hoofdstad-2030"

# People who take part in the demo but are not listed as demo log-ins (README, DEMO_ACCOUNTS).
DEMO_PEOPLE = [
    {"key": "suspended", "email": "kevin.vanacker@demo.example", "name": "Kevin Van Acker", "language": "nl"},
]

# Each: key, consultation, author (account key), alignment, hours ago, body per language.
COMMENTS = [
    {
        "key": "pending",
        "consultation": PRE_MODERATED,
        "author": "resident",
        "alignment": "for",
        "hours_ago": 3,
        "body": {
            "nl": "Ja, doe het! Maar zorg dat er ook programma is in de Rabotwijk en in Nieuw Gent, niet alleen "
            "rond de Vrijdagmarkt. Misschien kan elk wijkcentrum een eigen avond krijgen?",
            "en": "Yes, go for it! But make sure there is a programme in the Rabot and Nieuw Gent neighbourhoods "
            "too, not just around the Vrijdagmarkt. Maybe every community centre could host its own evening?",
            "fr": "Oui, allons-y ! Mais il faut aussi une programmation au Rabot et à Nieuw Gent, pas seulement "
            "autour du Vrijdagmarkt. Chaque maison de quartier pourrait peut-être accueillir sa propre soirée ?",
        },
    },
    {
        "key": "reported",
        "consultation": "internationaal-talent",
        "author": "resident4",
        "alignment": "against",
        "hours_ago": 50,
        "body": {
            "nl": "Weer een plan voor expats, terwijl Gentse jongeren geen betaalbare studio vinden. Wie dit "
            "bedacht heeft, woont duidelijk zelf niet in de stad.",
            "en": "Yet another plan for expats, while young people from Ghent cannot find an affordable studio. "
            "Whoever came up with this clearly does not live in the city.",
            "fr": "Encore un plan pour les expatriés, alors que les jeunes Gantois ne trouvent pas de studio "
            "abordable. Celui qui a imaginé ça n'habite visiblement pas en ville.",
        },
    },
    {
        "key": "hidden",
        "consultation": "groene-deal-gent",
        "author": "resident",
        "alignment": "neutral",
        "hours_ago": 100,
        "body": {
            "nl": "Voor de geveltuintjes in onze straat kun je terecht bij mijn buurman Dirk Claeys, Sleepstraat 14, "
            "tel. 0470 12 34 56. Hij weet precies wat er mag.",
            "en": "For the pavement gardens in our street, ask my neighbour Dirk Claeys, Sleepstraat 14, "
            "phone 0470 12 34 56. He knows exactly what is allowed.",
            "fr": "Pour les jardinets de façade de notre rue, adressez-vous à mon voisin Dirk Claeys, Sleepstraat 14, "
            "tél. 0470 12 34 56. Il sait exactement ce qui est permis.",
        },
    },
    {
        "key": "appealed",
        "consultation": "groene-deal-gent",
        "author": "resident2",
        "alignment": "neutral",
        "hours_ago": 120,
        "body": {
            "nl": "Misschien naast de kwestie, maar voor nieuwkomers is de wachttijd bij de dienst Vreemdelingenzaken "
            "het echte probleem. Kan de stad daar eerst iets aan doen?",
            "en": "Off topic perhaps, but for newcomers the real problem is the waiting time at the foreigners' "
            "office. Can the city do something about that first?",
            "fr": "Un peu hors sujet peut-être, mais pour les nouveaux arrivants, le vrai problème est l'attente au "
            "service des étrangers. La Ville peut-elle d'abord agir là-dessus ?",
        },
    },
    {
        "key": "spam",
        "consultation": "groene-deal-gent",
        "author": "suspended",
        "alignment": "neutral",
        "hours_ago": 30,
        "body": {
            "nl": "Zonnepanelen aan halve prijs!!! Alleen deze week: bel 0800 00 000 of kijk op zonnigedeal.example",
            "en": "Solar panels at half price!!! This week only: call 0800 00 000 or visit zonnigedeal.example",
            "fr": "Panneaux solaires à moitié prix !!! Cette semaine seulement : appelez le 0800 00 000 ou "
            "visitez zonnigedeal.example",
        },
    },
]

# Open reports: (comment key, reporter account key, reason, text per language or None).
REPORTS = [
    (
        "reported",
        "resident2",
        "offensive",
        {
            "nl": "Dit valt de mensen aan die het plan schreven, niet het plan zelf.",
            "en": "This attacks the people who wrote the plan, not the plan itself.",
            "fr": "Ce commentaire s'en prend aux auteurs du plan, pas au plan lui-même.",
        },
    ),
    (
        "reported",
        "resident3",
        "other",
        {
            "nl": "Veralgemening over nieuwkomers.",
            "en": "A generalisation about newcomers.",
            "fr": "Une généralisation sur les nouveaux arrivants.",
        },
    ),
]

# Hides: (comment key, moderator account key, reason, statement of reasons per language).
HIDES = [
    (
        "hidden",
        "moderator",
        "personal_data",
        {
            "nl": "Je reactie vermeldt de naam, het adres en het telefoonnummer van iemand anders. "
            "Plaats ze gerust opnieuw zonder die gegevens.",
            "en": "Your comment gives someone else's name, address and phone number. "
            "You are welcome to post it again without them.",
            "fr": "Votre commentaire mentionne le nom, l'adresse et le numéro de téléphone d'une autre personne. "
            "N'hésitez pas à le publier à nouveau sans ces données.",
        },
    ),
    (
        "appealed",
        "admin",
        "off_topic",
        {
            "nl": "Deze bevraging gaat over de Green Deal. Je vraag past beter bij de bevraging over internationaal "
            "talent.",
            "en": "This consultation is about the Green Deal. Your question fits the consultation on international "
            "talent better.",
            "fr": "Cette consultation porte sur le pacte vert. Votre question a davantage sa place dans la consultation "
            "sur les talents internationaux.",
        },
    ),
    (
        "spam",
        "moderator",
        "spam",
        {
            "nl": "Reclame is niet toegestaan op dit platform.",
            "en": "Advertising is not allowed on this platform.",
            "fr": "La publicité n'est pas autorisée sur cette plateforme.",
        },
    ),
]

# Appeals awaiting a decision: (comment key, text per language).
APPEALS = [
    (
        "appealed",
        {
            "nl": "Volgens mij hoort dit er wel bij: nieuwkomers kunnen pas een renovatiepremie aanvragen als hun "
            "papieren in orde zijn. Willen jullie het opnieuw bekijken?",
            "en": "I think it belongs here: newcomers can only apply for a renovation grant once their papers are in "
            "order. Could you please look at it again?",
            "fr": "Je pense que c'est lié : les nouveaux arrivants ne peuvent demander une prime à la rénovation "
            "qu'une fois leurs papiers en ordre. Pourriez-vous réexaminer ma contribution ?",
        },
    ),
]

# Suspensions: (person key, moderator account key, days, reason per language).
SUSPENSIONS = [
    (
        "suspended",
        "moderator",
        30,
        {
            "nl": "Plaatste herhaaldelijk reclame, ook na een waarschuwing.",
            "en": "Posted advertising repeatedly, also after a warning.",
            "fr": "A publié de la publicité à plusieurs reprises, même après un avertissement.",
        },
    ),
]

# A visitor who asked for a place and has not opened the confirmation mail yet.
PENDING_GUEST = {
    "event": "cultuur-2030-stadsgesprek",
    "name": "Julia Novak",
    "email": "bezoeker-bevestiging@demo.example",
    "language": "en",
}


def _in(texts: dict, lang: str) -> str:
    return texts.get(lang) or texts["nl"]


def seed_demo_people() -> dict:
    """The demo people who do not log in (a password nobody knows); returns them by key."""
    from participation.accounts.models import User
    from participation.accounts.services import create_user
    from participation.core.permissions import Role

    people = {}
    for person in DEMO_PEOPLE:
        user = db.session.scalar(sa.select(User).where(User.email == person["email"]))
        if user is None:
            user = create_user(
                person["email"], Role.RESIDENT, secrets.token_urlsafe(24), person["name"], person["language"]
            )
        people[person["key"]] = user
    return people


def _pre_moderate(slug: str, accounts: dict) -> None:
    """What the consultation editor does when an organiser picks pre-moderation."""
    from participation.consultations.models import Consultation, ModerationMode
    from participation.core import audit

    consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
    if consultation is None or consultation.moderation_mode == ModerationMode.PRE:
        return
    consultation.moderation_mode = ModerationMode.PRE
    audit.record(
        accounts.get("organiser"),
        "consultation.edited",
        "consultation",
        consultation.id,
        consultation_id=consultation.id,
        details={"moderation_mode": ModerationMode.PRE.value},
    )
    db.session.flush()


def _comments(people: dict) -> dict:
    from participation.comments.models import Comment
    from participation.comments.services import post_comment
    from participation.consultations.models import Consultation
    from participation.core.db import utcnow

    made = {}
    for spec in COMMENTS:
        author = people.get(spec["author"])
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == spec["consultation"]))
        if author is None or consultation is None:
            continue
        body = _in(spec["body"], author.preferred_language)
        comment = db.session.scalar(
            sa.select(Comment).where(
                Comment.consultation_id == consultation.id, Comment.author_id == author.id, Comment.body == body
            )
        )
        if comment is None:
            if not consultation.is_open():
                continue
            comment = post_comment(author, consultation, body, spec["alignment"])
            comment.created_at = utcnow() - timedelta(hours=spec["hours_ago"])
            db.session.flush()
        made[spec["key"]] = comment
    return made


def _reports(comments: dict, people: dict) -> None:
    from participation.comments.models import CommentReport
    from participation.comments.services import report_comment

    for key, reporter_key, reason, texts in REPORTS:
        comment, reporter = comments.get(key), people.get(reporter_key)
        if comment is None or reporter is None:
            continue
        done = db.session.scalar(
            sa.select(CommentReport.id).where(
                CommentReport.comment_id == comment.id, CommentReport.reporter_id == reporter.id
            )
        )
        if done is None and comment.is_visible:
            report_comment(reporter, comment, reason, _in(texts, reporter.preferred_language))


def _hides(comments: dict, people: dict) -> None:
    from participation.moderation.services import hide_comment

    for key, moderator_key, reason, notes in HIDES:
        comment, moderator = comments.get(key), people.get(moderator_key)
        if comment is None or moderator is None or comment.is_hidden or comment.is_deleted:
            continue
        hide_comment(moderator, comment, reason, _in(notes, comment.author.preferred_language))


def _appeals(comments: dict) -> None:
    from participation.comments.models import CommentAppeal
    from participation.comments.services import appeal_hide

    for key, texts in APPEALS:
        comment = comments.get(key)
        if comment is None or not comment.is_hidden or comment.author is None:
            continue
        if db.session.scalar(sa.select(CommentAppeal.id).where(CommentAppeal.comment_id == comment.id)) is None:
            appeal_hide(comment.author, comment, _in(texts, comment.author.preferred_language))


def _suspensions(people: dict) -> None:
    from participation.core.db import utcnow
    from participation.moderation.services import suspend_user

    for person_key, moderator_key, days, reasons in SUSPENSIONS:
        person, moderator = people.get(person_key), people.get(moderator_key)
        if person is None or moderator is None or person.suspended_at is not None:
            continue
        suspend_user(moderator, person, utcnow() + timedelta(days=days), _in(reasons, person.preferred_language))


def _pending_guest() -> None:
    from participation.demo.participation import EVENTS
    from participation.events.models import Event, Registration
    from participation.events.registration import Answers, closed_reason, request_guest_registration

    title = next((spec["title"]["nl"] for spec in EVENTS if spec["key"] == PENDING_GUEST["event"]), None)
    event = next((e for e in db.session.scalars(sa.select(Event)) if e.title.get("nl") == title), None)
    if event is None or closed_reason(event):
        return
    asked = db.session.scalar(
        sa.select(Registration.id).where(
            Registration.event_id == event.id, Registration.email == PENDING_GUEST["email"]
        )
    )
    if asked is None:
        request_guest_registration(
            event.id, PENDING_GUEST["name"], PENDING_GUEST["email"], PENDING_GUEST["language"], Answers()
        )


def seed_moderation_states(accounts: dict) -> None:
    """Runs after the features' seeders: it needs their consultations, comments and events."""
    people = {**accounts, **seed_demo_people()}
    _pre_moderate(PRE_MODERATED, accounts)
    comments = _comments(people)
    _reports(comments, people)
    _hides(comments, people)
    _appeals(comments)
    # Suspend last: a suspended person cannot post, so the advertising went up before.
    _suspensions(people)
    _pending_guest()
    db.session.flush()
