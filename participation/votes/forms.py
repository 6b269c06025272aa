"""Forms: the ballot of one question (built per question) and the organisers' question form."""

from __future__ import annotations

import re

from wtforms import IntegerField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from participation.core.forms import BaseForm
from participation.core.i18n import _, _l
from participation.core.translated import translated
from participation.votes.models import Question, QuestionKind
from participation.votes.services import BallotInput, QuestionInput

KIND_LABELS = {
    QuestionKind.SINGLE: _l("Single choice"),
    QuestionKind.MULTIPLE: _l("Multiple choice"),
    QuestionKind.RANKING: _l("Ranking"),
    QuestionKind.SCALE: _l("Agree-disagree statement (five-point scale)"),
}


class BallotForm(BaseForm):
    """CSRF plus fields added per question by ballot_form()."""

    question: Question
    # rank_<id> fields sent for options that are not this question's (forged): the service refuses them.
    forged_rank_ids: list[int] = []

    def ballot_input(self) -> BallotInput:
        """The submitted choice, as ids. A malformed value becomes an id or rank no option has,
        so the service refuses the whole ballot with a message instead of silently dropping it."""
        if self.question.kind == QuestionKind.RANKING:
            ranks = {}
            for option in self.question.options:
                raw = self[f"rank_{option.id}"].data
                ranks[option.id] = _number(raw, invalid=0) if raw not in (None, "") else None
            ranks.update(dict.fromkeys(self.forged_rank_ids, None))
            return BallotInput(ranks=ranks)
        raw = self.option.data
        values = raw if isinstance(raw, list) else ([raw] if raw not in (None, "") else [])
        return BallotInput(option_ids=[_number(v, invalid=-1) for v in values])


_NUMBER = re.compile(r"[0-9]{1,18}")
_RANK_FIELD = re.compile(r"rank_([0-9]{1,18})")


def _number(value, invalid: int) -> int:
    """The integer written in ASCII digits (str.isdigit() also accepts "²", which int() refuses)."""
    text = str(value)
    return int(text) if _NUMBER.fullmatch(text) else invalid


def ballot_form(question: Question, lang: str, current=None, formdata=None) -> BallotForm:
    """A form for one question; field ids carry the question id so several fit on one page.

    current: {option_id: rank or None} of the person's ballot, to show what they chose.
    """
    prefix = f"q{question.id}"
    # Labels stay Translations: printed, a Dutch fallback carries lang="nl" and the notice.
    prompt = translated(question.prompt, lang)
    choices = [SelectChoice(str(o.id), translated(o.label, lang)) for o in question.options]
    attrs = {}
    if question.kind == QuestionKind.RANKING:
        n = len(question.options)
        rank_choices = [SelectChoice("", _("Choose a rank"))] + [SelectChoice(str(r), str(r)) for r in range(1, n + 1)]
        for option in question.options:
            attrs[f"rank_{option.id}"] = SelectField(
                translated(option.label, lang),
                choices=rank_choices,
                id=f"{prefix}-rank-{option.id}",
                validate_choice=False,
            )
    elif question.kind == QuestionKind.MULTIPLE:
        attrs["option"] = SelectMultipleField(
            prompt,
            choices=choices,
            id=f"{prefix}-option",
            validate_choice=False,
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
        )
    else:
        attrs["option"] = RadioField(prompt, choices=choices, id=f"{prefix}-option", validate_choice=False)
    form_class = type("QuestionBallotForm", (BallotForm,), attrs)
    data = None
    if formdata is None and current:
        if question.kind == QuestionKind.RANKING:
            data = {f"rank_{oid}": str(rank) for oid, rank in current.items()}
        elif question.kind == QuestionKind.MULTIPLE:
            data = {"option": [str(oid) for oid in current]}
        else:
            data = {"option": str(next(iter(current)))}
    form = form_class(formdata=formdata, data=data) if formdata is not None else form_class(formdata=None, data=data)
    form.question = question
    if question.kind == QuestionKind.RANKING and formdata is not None:
        own = {str(o.id) for o in question.options}
        forged = {m.group(1) for key in formdata.keys() if (m := _RANK_FIELD.fullmatch(key)) and m.group(1) not in own}
        # "rank_007" is not option 7's field: -1, an id no option has, stands for it.
        form.forged_rank_ids = sorted({-1 if str(int(text)) in own else int(text) for text in forged})
    if question.kind == QuestionKind.RANKING:
        for option in question.options:
            form[f"rank_{option.id}"].flags.required = True
    else:
        form.option.flags.required = True
    return form


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(BaseForm):
    """A question with its wording in each language; options one per line, in the same order per language."""

    kind = SelectField(
        _l("Kind of question"),
        validators=[InputRequired()],
        choices=[SelectChoice(k.value, KIND_LABELS[k]) for k in QuestionKind],
    )
    max_choices = IntegerField(_l("Maximum number of choices"), validators=[Optional(), NumberRange(min=1, max=10)])
    prompt_nl = TextAreaField(_l("Question in Dutch"), validators=[InputRequired(), Length(max=500)])
    prompt_en = TextAreaField(_l("Question in English"), validators=[Optional(), Length(max=500)])
    prompt_fr = TextAreaField(_l("Question in French"), validators=[Optional(), Length(max=500)])
    help_nl = StringField(_l("Help text in Dutch"), validators=[Optional(), Length(max=300)])
    help_en = StringField(_l("Help text in English"), validators=[Optional(), Length(max=300)])
    help_fr = StringField(_l("Help text in French"), validators=[Optional(), Length(max=300)])
    options_nl = TextAreaField(_l("Options in Dutch"), validators=[Optional(), Length(max=3000)])
    options_en = TextAreaField(_l("Options in English"), validators=[Optional(), Length(max=3000)])
    options_fr = TextAreaField(_l("Options in French"), validators=[Optional(), Length(max=3000)])

    def validate_options_en(self, field):
        self._same_count(field)

    def validate_options_fr(self, field):
        self._same_count(field)

    def _same_count(self, field):
        lines = _lines(field.data)
        if lines and len(lines) != len(_lines(self.options_nl.data)):
            raise ValidationError(_("Give as many lines as in Dutch, in the same order (or leave it empty)."))

    def question_input(self) -> QuestionInput:
        langs = ("nl", "en", "fr")
        prompt = {
            lang: self[f"prompt_{lang}"].data.strip() for lang in langs if (self[f"prompt_{lang}"].data or "").strip()
        }
        help_text = {
            lang: self[f"help_{lang}"].data.strip() for lang in langs if (self[f"help_{lang}"].data or "").strip()
        }
        per_lang = {lang: _lines(self[f"options_{lang}"].data) for lang in langs}
        labels = []
        for i, nl in enumerate(per_lang["nl"]):
            label = {"nl": nl}
            for lang in ("en", "fr"):
                if i < len(per_lang[lang]):
                    label[lang] = per_lang[lang][i]
            labels.append(label)
        return QuestionInput(QuestionKind(self.kind.data), self.max_choices.data, prompt, help_text or None, labels)

    def fill_from(self, question: Question) -> None:
        self.kind.data = question.kind.value
        self.max_choices.data = question.max_choices
        for lang in ("nl", "en", "fr"):
            self[f"prompt_{lang}"].data = (question.prompt or {}).get(lang, "")
            self[f"help_{lang}"].data = (question.help or {}).get(lang, "")
            if question.kind != QuestionKind.SCALE:
                self[f"options_{lang}"].data = "\n".join((o.label or {}).get(lang, "") for o in question.options)
