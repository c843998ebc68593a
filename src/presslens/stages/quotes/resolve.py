"""Who a pronoun or a role noun speaking stands for: "she said", "the candidate said".

The referent must agree: "he" and "she" a single person whose gender, when the article shows it
(`gender`), is theirs; "it" an organisation or a country; "they" an organisation, a country, a
group, or several people ("Smith and Jones"); "the candidate" a person, "the company" an
organisation, "the poll" the organisation named with an earlier poll. Among those that agree,
the most salient wins: the nearest sentences first, and in a sentence an earlier speaker or the
main subject before another subject, an object, and last a name in a prepositional phrase. A
speaker nothing agrees with keeps its words and gets no actor, never a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from presslens.model import Actor
from presslens.nlp.firstnames import known_first_name
from presslens.stages.parties import party_of
from presslens.stages.quotes.binding import cataphor, not_the_speaker
from presslens.stages.quotes.context import Context, sentence_of, token_span
from presslens.stages.quotes.distance import (
    reach,
    relayed_distance,
    relaying_sentences,
)
from presslens.stages.quotes.documents import document_source, named_with, referent
from presslens.stages.quotes.given import named_next, other_roles, role_words
from presslens.stages.quotes.groups import (
    body_in_a_group,
    group_after_body,
    group_in_sentence,
    joint_referent,
)
from presslens.stages.quotes.homes import elsewhere, role_place
from presslens.stages.quotes.newcomers import (
    acting_on_role,
    first_use,
    named_after,
    newcomer_at,
    of_someone_new,
    told_of,
)
from presslens.stages.quotes.parties import agree, of_nation, role_nation, role_parties
from presslens.stages.quotes.speakers import Speaker, of_a_number
from presslens.stages.quotes.subjects import a_thing
from presslens.stages.quotes.surnames import namesakes
from presslens.stages.roles import load_roles

SENTENCES_BACK = 3  # sentences before the speaker's own that may hold the referent
# a referent whose gender is unknown ranks one step behind: one the article shows to agree is
# likelier ("he" -> a known man before a person of unknown gender in the same place)
UNTESTED = 1
MAX_RANK = 5  # weaker than an object of unknown gender a sentence back: too far to tell
SPEAKER = -2  # the subject of an earlier attribution ranks before the main subject, and a
# sentence back ranks with the subject of the sentence in between ("Roe's claim": no bonus)
GROUP_TYPES = frozenset({"ORG", "NORP"})
THING_TYPES = frozenset({"ORG", "GPE"})
PERSON = frozenset({"PERSON"})
QUESTIONS = {"ask", "question", "press", "interview"}  # their object is the one who answers
OBJECTS = {"dobj", "obj", "dative", "appos", "attr", "conj", "oprd"}
# a role noun no actor holds goes to the likeliest of several near actors only when it leads the
# next by this much: a subject or earlier speaker against a name in a prepositional phrase
CLEAR_LEAD = 4


@dataclass(frozen=True, slots=True)
class Need:
    """What a referent must be: one of `types`, of this gender (when both are known), single
    or plural (`plural` None: either)."""

    types: frozenset[str]
    gender: str | None = None
    plural: bool | None = False


def need_of(ctx: Context, speaker: Speaker) -> Need | None:
    """What the pronoun or role noun needs; None for "I", "we", "you" (the quotation says)."""
    if speaker.pronoun:
        word = ctx.doc[speaker.head].lower_
        if word in ("he", "him", "his"):  # "his response was to say": the owner speaks
            return Need(PERSON, "m")
        if word in ("she", "her", "hers"):
            return Need(PERSON, "f")
        if word in ("it", "its"):
            return Need(THING_TYPES)
        if word in ("they", "them", "their"):
            return Need(GROUP_TYPES, plural=True)  # a place is an "it", seldom a "they"
        return None
    if speaker.role == "PERSON":
        return Need(PERSON, speaker.gender)
    if speaker.role == "ORG":
        roles = load_roles()
        state = roles.same_as(ctx.doc[speaker.head].lemma_.lower()) == roles.same_as("country")
        return Need(frozenset({"GPE"} if state else {"ORG"}))  # "the nation": a state
    return None


def fits(need: Need, kind: str | None, gender: str | None, plural: bool) -> bool:
    """Whether a referent of this type, gender and number agrees with the need."""
    if need.plural:
        return plural or kind in need.types
    if plural or kind not in need.types:
        return False
    return need.gender is None or gender is None or gender == need.gender


def speaker_fits(ctx: Context, need: Need, candidate: Speaker) -> bool:
    if candidate.actor_id is not None:
        actor = ctx.actor_of_token.get(candidate.head)
        kind = actor.type if actor and actor.id == candidate.actor_id else None
        kind = kind or actor_type(ctx, candidate.actor_id)
        gender = sex_of(ctx, candidate.actor_id) if len(candidate.actor_ids) <= 1 else None
        plural = candidate.plural or len(candidate.actor_ids) > 1
        if kind == "ORG" and len(candidate.actor_ids) <= 1:
            plural = False  # "officials at the agency" spoke: the agency, one body
        return fits(need, kind, gender, plural)
    head = ctx.doc[candidate.head]
    if candidate.pronoun or head.pos_ not in ("NOUN", "PROPN"):
        return False  # an unresolved pronoun tells nothing, nor "several" or "many"
    if need.plural is False and a_thing(head) and not name_like(head):
        return False  # a thing that "said" ("Roe's brief said") is no "he", "she" or "the judge"
    if need.gender is not None and candidate.role is None and body_like_name(ctx, candidate):
        return False  # "Right Wing Watch reported ... He then implied": not the site
    kind = load_roles().kind(head.lemma_.lower()) or "PERSON"
    return fits(need, kind, candidate.gender, candidate.plural)


def body_like_name(ctx: Context, candidate: Speaker) -> bool:
    """A proper name of several words that no actor holds, that the tagger does not call a
    person's and that opens with no given name ("Right Wing Watch"): a body's, most likely."""
    head = ctx.doc[candidate.head]
    if any(c.dep_ in ("det", "poss") for c in head.children):
        return False  # "the Wisconsin Republican": a person's role
    words = [t for t in head.subtree if t.pos_ == "PROPN"]
    if len(words) < 2 or any(t.ent_type_ == "PERSON" for t in words):
        return False
    return not known_first_name(words[0].text)


def name_like(token: Token) -> bool:
    """A name the tagger took for a common noun: "D’Souza", or capitalised mid-sentence."""
    capital = token.text[:1].isupper() and not token.is_sent_start
    return capital or any(c.isupper() for c in token.text[1:])


def sex_of(ctx: Context, actor_id: str) -> str | None:
    """The sex the article shows, else the one the first name says (agreement only)."""
    return ctx.genders.get(actor_id) or ctx.likely.get(actor_id)


def actor_type(ctx: Context, actor_id: str) -> str | None:
    actor = ctx.by_id.get(actor_id)
    return actor.type if actor else None


def salience(token: Token) -> int:
    """0 the main subject or the one "there is" brings in, 1 another subject or the possessor of
    the main subject ("Roe's style"), 2 an object, 3 anything else (another possessor, a name in
    a prepositional phrase). A name in apposition counts as the phrase it names ("the
    prosecutor, Ann Bell")."""
    if token.dep_ == "appos" and token.head.i != token.i:
        return salience(token.head)
    if token.dep_ == "poss":
        return 1 if salience(token.head) == 0 else 3
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
        main = verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp") and verb.head.dep_ == "ROOT")
        return 0 if main else 1
    if token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children):
        return 0  # "Then there's Axelrod.": the one the sentence brings in
    if token.dep_ in OBJECTS:
        return 2
    return 3


Candidate = tuple[int, int, Speaker, int]  # rank, minus position, referent, sentences back


def candidates(
    ctx: Context, speaker: Speaker, earlier: list[Speaker], need: Need
) -> list[Candidate]:
    """(rank, -position, referent) for every agreeing referent in reach: the rank counts two
    per sentence back plus the salience in its sentence."""
    own = sentence_of(ctx, speaker.head)
    back = reach(ctx, own, SENTENCES_BACK)
    relayed = relaying_sentences(ctx, speaker, back, own)
    if relayed:  # sentences relaying the speaker do not count: reach further by as many
        back = reach(ctx, own, SENTENCES_BACK + len(relayed))
        relayed = relaying_sentences(ctx, speaker, back, own)
    first = ctx.sentences[back][0]
    found = all_candidates(ctx, speaker, earlier, need, first, relayed)
    return [c for c in found if c[3] <= SENTENCES_BACK]


def all_candidates(
    ctx: Context,
    speaker: Speaker,
    earlier: list[Speaker],
    need: Need,
    first: int,
    relayed: set[int],
) -> list[Candidate]:
    """Every agreeing referent from token `first` on, with its distance in sentences not
    counting those in `relayed`."""
    own = sentence_of(ctx, speaker.head)
    found: list[Candidate] = []
    for candidate in earlier:
        if first <= candidate.head < speaker.head and speaker_fits(ctx, need, candidate):
            distance = relayed_distance(ctx, sentence_of(ctx, candidate.head), own, relayed)
            gender = ctx.genders.get(candidate.actor_id or "", candidate.gender)
            unsure = UNTESTED if need.gender is not None and gender is None else 0
            spoke = earlier_speaker(ctx.doc[candidate.head], candidate.holder, speaker.pronoun)
            bonus = SPEAKER if spoke else 0
            rank = 2 * distance + bonus + unsure
            found.append((rank, -candidate.head, candidate, distance))
            found += addressees(ctx, speaker, candidate, need, distance)
    for i in range(first, speaker.head):
        actor = ctx.actor_of_token.get(i)
        if actor is None or i in ctx.quote_of_token or sentence_of(ctx, i) in relayed:
            continue
        token = ctx.doc[i]
        distance = relayed_distance(ctx, sentence_of(ctx, i), own, relayed)
        joint = joint_referent(ctx, speaker, token) if need.plural else None  # "A and B"
        if joint is not None:
            found.append((2 * distance + salience(token), -i, joint, distance))
        plural = token.tag_ in ("NNS", "NNPS") and actor.type != "PERSON"  # not "Sanders"
        gender = ctx.genders.get(actor.id)
        if not names_referent(token, actor, plural) or not fits(
            need, actor.type, sex_of(ctx, actor.id), plural
        ):
            continue
        unsure = UNTESTED if need.gender is not None and gender is None else 0
        rank = 2 * distance + salience(token) + unsure
        found.append((rank, -i, referent(speaker, actor), distance))
    return found


def earlier_speaker(head: Token, holder: bool, pronoun: bool) -> bool:
    """Whether an earlier attribution's subject ranks as its speaker: one who spoke. One who
    only holds a stance ("Pratt wants ...", "Pastor Roe plans to ...") does not for a pronoun,
    and for a role noun only as its sentence's main subject ("Roe regrets her remarks. The
    justice said ...")."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return not holder or (not pronoun and salience(head) == 0)


def addressees(
    ctx: Context, speaker: Speaker, asker: Speaker, need: Need, distance: int
) -> list[Candidate]:
    """'Wallace asked Roe whether ... He said ...': the one asked answers, so the object of a
    question ranks before the one who asked it."""
    cue = ctx.doc[asker.head].head
    if cue.lemma_.lower() not in QUESTIONS:
        return []
    found: list[Candidate] = []
    asked = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    for child in asked or asked_in_main_clause(cue):
        actor = ctx.actor_of_token.get(child.i)
        if actor is None:
            continue
        if fits(need, actor.type, sex_of(ctx, actor.id), False):
            rank = 2 * distance + SPEAKER - 1
            found.append((rank, -child.i, referent(speaker, actor), distance))
    return found


def asked_in_main_clause(cue: Token) -> list[Token]:
    """'Roe drew a distinction when a reporter asked if ...': a question naming no one asked,
    set as a clause of another's sentence, is put to that sentence's subject."""
    if cue.dep_ != "advcl":
        return []
    return [c for c in cue.head.children if c.dep_ == "nsubj"]


def names_referent(token: Token, actor: Actor, plural: bool) -> bool:
    """A noun naming the actor: not an adjective ("Republican voters" is no mention of the
    Republicans), and a group (NORP) only in the plural ("Republicans")."""
    if token.pos_ not in ("PROPN", "NOUN"):
        return False
    return actor.type != "NORP" or plural


def resolve(
    ctx: Context, speaker: Speaker, earlier: list[Speaker], barred: frozenset[str] = frozenset()
) -> Speaker:
    """The speaker with the name and actor of its referent, or as it was when none agrees; never
    an actor of `barred` (the people its quotation names)."""
    if speaker.role == "DOCUMENT":
        return document_source(ctx, speaker, earlier)
    owner = pronoun_owner(ctx.doc[speaker.head])
    if speaker.role == "ORG" and owner is not None:
        return owners_body(ctx, speaker, owner, earlier)
    need = need_of(ctx, speaker)
    if need is None:
        return by_surname(ctx, speaker, earlier)
    inside = not_the_speaker(ctx, ctx.doc[speaker.head]) | barred
    ahead = cataphor(ctx, ctx.doc[speaker.head])
    if ahead is not None and ahead.id not in inside and fits_actor(ctx, need, ahead):
        return referent(speaker, ahead)
    found = [
        c
        for c in candidates(ctx, speaker, earlier, need)
        if c[0] <= MAX_RANK and c[2].actor_id not in inside
    ]
    if speaker.role is not None:
        found = role_candidates(ctx, speaker, found, earlier)
        found = [c for c in found if c[2].actor_id not in inside]
    if not found:
        return nation_referent(ctx, speaker) or speaker
    nearest = min(found, key=lambda c: (c[0], c[1]))
    if nearest[3] > 0 and group_in_sentence(ctx, speaker):
        return speaker  # "... treated by his fellow Republicans, though they swore ...": them
    best = nearest[2]
    body = best.actor_id is not None and actor_type(ctx, best.actor_id) in THING_TYPES
    if body and group_after_body(ctx, speaker, -nearest[1]):
        return speaker  # "The AP interviewed 20 crew members. They described ...": them
    if body and body_in_a_group(ctx, speaker, -nearest[1]):
        return speaker  # "Republican leaders in the Senate ... they disagree": the leaders
    return taken_up(speaker, best)


def by_surname(ctx: Context, speaker: Speaker, earlier: list[Speaker]) -> Speaker:
    """'Clinton said' between Bill and Hillary Clinton: the namesake the text puts forward."""
    sakes = namesakes(ctx, speaker)
    found = [c for c in candidates(ctx, speaker, earlier, Need(PERSON)) if c[2].actor_id in sakes]
    leading = clear_leader(found) if sakes else []
    return taken_up(speaker, min(leading, key=lambda c: (c[0], c[1]))[2]) if leading else speaker


def taken_up(speaker: Speaker, found: Speaker) -> Speaker:
    """The speaker with the name and actors of the referent found for it."""
    return replace(speaker, name=found.name, actor_id=found.actor_id, actor_ids=found.actor_ids)


def fits_actor(ctx: Context, need: Need, actor: Actor) -> bool:
    return fits(need, actor.type, sex_of(ctx, actor.id), False)


def nation_referent(ctx: Context, speaker: Speaker) -> Speaker | None:
    """'The Saudi government denied ...' with no body of its own among the actors: the one
    country of that nationality the article names (Saudi Arabia), if there is one."""
    nation = role_nation(ctx.doc[speaker.head]) if speaker.role is not None else None
    if nation is None:
        return None
    countries = [a for a in ctx.actors if a.type == "GPE" and of_nation(ctx, a.id, nation)]
    return referent(speaker, countries[0]) if len(countries) == 1 else None


OWNER_PRONOUNS = frozenset({"his", "her", "their"})


def pronoun_owner(head: Token) -> Token | None:
    """The possessive pronoun owning a body ("his campaign", "her administration"), if any."""
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)


def owners_body(ctx: Context, speaker: Speaker, owner: Token, earlier: list[Speaker]) -> Speaker:
    """'His campaign' is the campaign named for the person "his" stands for (the Sanders
    campaign, not the Clinton campaign named last); no actor when the article names none."""
    pronoun = Speaker(token_span(owner), owner.i, owner.text, None, pronoun=True)
    person = resolve(ctx, pronoun, earlier)
    found = ctx.by_id.get(person.actor_id or "")
    if found is None:
        return speaker
    surname = found.name.split()[-1]
    noun = ctx.doc[speaker.head].lemma_.lower()
    bodies = [
        a
        for a in ctx.actors
        if a.type == "ORG" and surname in a.name.split() and a.name.lower().endswith(noun)
    ]
    return referent(speaker, bodies[0]) if len(bodies) == 1 else speaker


def role_candidates(
    ctx: Context, speaker: Speaker, found: list[Candidate], earlier: list[Speaker]
) -> list[Candidate]:
    """A role noun goes to an actor the article gives that role ("Sen. Marco Rubio" for "the
    senator", "businessman Donald Trump" for "the businessman"), and when the article gives it
    to none, only to an actor that agrees in its sentence or the one before and clearly leads
    the others there: a writer also uses a role to name someone other than the last one named
    ("Ramos asked ... the tycoon said"), but not someone met only in passing ("Clinton spoke
    after the death of Tom Ray ... the former secretary of state said"). A role brought in by
    "a witness" is never anyone named before that (`newcomer_at`), and the role the speaker's
    own sentence gives someone after the speaker does not count (`held_outside`)."""
    roles = load_roles()
    role = ctx.doc[speaker.head].lemma_.lower()
    if of_someone_new(ctx.doc[speaker.head]):
        return []  # "Even the organizer of a pro-Trump rally said": no one named before
    others = other_roles_referents(ctx, speaker, found)
    place = role_place(ctx.doc[speaker.head])
    if place is not None:  # "the Ohio senator" is not "Sen. Jo Pike, R-Iowa"
        others |= {
            c[2].actor_id for c in found if c[2].actor_id and elsewhere(ctx, c[2].actor_id, place)
        }
    parties = role_parties(ctx.doc[speaker.head])  # "the GOP nominee" is no Libertarian
    nation = role_nation(ctx.doc[speaker.head])  # "the Saudi government" is no White House
    found = [c for c in found if c[2].actor_id not in others and agree(ctx, c[2].actor_id, parties)]
    found = [c for c in found if of_nation(ctx, c[2].actor_id, nation)]
    since = newcomer_at(ctx, speaker.head, roles.same_as(role))
    if since is not None:
        found = [c for c in found if named_after(ctx, c[2].actor_id, since)]
        found = [c for c in found if not told_of(ctx, c[2].actor_id, since, speaker.head)]
    first = first_use(ctx, speaker.head, roles.same_as(role)) if roles.bare_noun(role) else None
    if first is not None:  # "the woman's quotes ... its reporter Jane Roe": not Roe
        found = [c for c in found if not named_after(ctx, c[2].actor_id, first)]
    if not ctx.roles:
        ctx.roles.update({a.id: role_words(ctx, a) for a in ctx.actors})
    head = ctx.doc[speaker.head]
    found = [c for c in found if not in_another_office(ctx, c[2].actor_id, head)]
    within = range(head.idx, head.sent.end_char)  # a party's word is many people's role:
    holders = set() if party_of(head) else held_outside(ctx, roles.same_as(role), within)
    holders -= possessors(ctx, head) | others | held_for_another(ctx, head, roles.same_as(role))
    holders = {h for h in holders if agree(ctx, h, parties) and of_nation(ctx, h, nation)}
    if roles.named_only(role):  # "the appeals court" of two courts: the Court of Appeals
        holders = named_with(ctx, head, holders)
    if place is not None:  # a holder named far back, tied to another state, neither
        holders = {h for h in holders if not elsewhere(ctx, h, place)}
    if holders or holders_only(ctx, head, role):
        kept = [c for c in found if c[2].actor_id in holders] or sole_holder(ctx, speaker, holders)
        return kept or ([] if holders else named_after_all(ctx, speaker, roles.same_as(role)))
    acting = acting_on_role(ctx, head.i, roles.same_as(role))
    found = [c for c in found if c[2].actor_id not in acting]
    near = clear_leader([c for c in found if c[3] <= 1])
    alone = last_speaker_alone(ctx, found, roles.same_as(role), earlier)
    later = [] if near or alone else named_after_all(ctx, speaker, roles.same_as(role))
    return near or alone or later


def named_after_all(ctx: Context, speaker: Speaker, role: str) -> list[Candidate]:
    """The one actor the very next sentence gives a role no one held before (`named_next`):
    "His attorney said ... An attorney for Ray, Mark Bellamy, stressed"."""
    later = named_next(ctx, speaker.head, role)
    return [(MAX_RANK, 0, referent(speaker, later), 1)] if later else []


def holders_only(ctx: Context, head: Token, role: str) -> bool:
    """A role only an actor the article gives it can be: one who stands for another ("his
    lawyer"; not "the mother of three", a description), a body named by the noun ("the
    court"), or a role a person's name modifies."""
    roles = load_roles()
    relational = roles.relational(role) and not of_a_number(head)
    return relational or roles.named_only(role) or person_modified(ctx, head)


def in_another_office(ctx: Context, actor_id: str | None, head: Token) -> bool:
    """'Sen. Jane Roe ... The mayor said': an actor the article gives one public office is
    not the holder of another ("the former mayor" may be anyone's past)."""
    roles = load_roles()
    role = roles.same_as(head.lemma_.lower())
    if (
        actor_id is None
        or not roles.office(role)
        or any(c.lower_ == "former" for c in head.children)
    ):
        return False
    offices = {word for word in ctx.roles.get(actor_id, {}) if roles.office(word)}
    return bool(offices) and role not in offices


def last_speaker_alone(
    ctx: Context, found: list[Candidate], role: str, earlier: list[Speaker]
) -> list[Candidate]:
    """'Trump said, "..." The Republican candidate appeared to assert ...': further back than
    a role reaches on its own, the one actor in reach when it spoke last (one of the `earlier`
    speakers) and the article gives it no other role ("Roe, president of a consulting firm"
    is not "the GOP nominee"). A noun in reach that no actor stands for counts only when it
    could hold the role ("The rocket has faced delays ... the agency maintained": NASA). The
    actor must be the article's leading one of its type (a writer's description is for the
    one the story is about, not a former president quoted in passing), the role no bare noun
    ("The last man says": someone new), and the actor must have said something, not only held
    a stance."""
    roles = load_roles()
    if roles.bare_noun(role):
        return []
    found = [
        c for c in found if c[2].actor_id is not None or noun_kind(ctx, c[2]) == roles.kind(role)
    ]
    ids = {c[2].actor_id for c in found}
    if len(ids) != 1 or found[0][2].actor_id is None or not leading(ctx, found[0][2].actor_id):
        return []
    given = other_roles(ctx, found[0][2].actor_id, role)
    if any(roles.kind(word) is not None for word in given):
        return []  # another role; the words of its own name are none ("NASA")
    spoke = [c for c in found if any(c[2].span == e.span and not e.holder for e in earlier)]
    return [min(spoke, key=lambda c: (c[0], c[1]))] if spoke else []


def leading(ctx: Context, actor_id: str) -> bool:
    """Whether no actor of the same type has more mentions."""
    actor = next(a for a in ctx.actors if a.id == actor_id)
    most = max(len(a.mentions) for a in ctx.actors if a.type == actor.type)
    return len(actor.mentions) == most


def noun_kind(ctx: Context, candidate: Speaker) -> str | None:
    return load_roles().kind(ctx.doc[candidate.head].lemma_.lower())


def other_roles_referents(ctx: Context, speaker: Speaker, found: list[Candidate]) -> set[str]:
    """The actors another role noun of the speaker's own sentence stands for: "the senator
    called on ... after the mogul claimed" names two people, so the mogul is not the senator
    (a document stands for its author: "The statement noted the council had said ...")."""
    roles = load_roles()
    own = sentence_of(ctx, speaker.head)
    role = roles.same_as(ctx.doc[speaker.head].lemma_.lower())
    return {
        c[2].actor_id
        for c in found
        if c[2].actor_id is not None
        and c[2].head != speaker.head
        and sentence_of(ctx, c[2].head) == own
        and ctx.doc[c[2].head].pos_ == "NOUN"
        and roles.kind(ctx.doc[c[2].head].lemma_.lower()) not in (None, "DOCUMENT")
        and roles.same_as(ctx.doc[c[2].head].lemma_.lower()) != role
    }


def clear_leader(near: list[Candidate]) -> list[Candidate]:
    """The best-ranked referent's candidates when no other referent comes within CLEAR_LEAD
    ranks of it; none otherwise."""
    best: dict[str, int] = {}
    for rank, _, candidate, _ in near:
        key = candidate.actor_id or candidate.name
        best[key] = min(rank, best.get(key, rank))
    ranks = sorted(best.values())
    if len(ranks) == 1 or len(ranks) > 1 and ranks[1] - ranks[0] >= CLEAR_LEAD:
        return [c for c in near if c[0] == ranks[0]]
    return []


def sole_holder(ctx: Context, speaker: Speaker, holders: set[str]) -> list[Candidate]:
    """The one actor the article gives the role, however far back ("An attorney for Roe, Ann
    Bell, ... Roe's lawyer said"), when it agrees; none when several hold it."""
    need = need_of(ctx, speaker)
    if len(holders) != 1 or need is None:
        return []
    actor = next(a for a in ctx.actors if a.id in holders)
    if actor.mentions[0].start > ctx.doc[speaker.head].idx:
        return []  # named as such only later
    if not fits(need, actor.type, sex_of(ctx, actor.id), False):
        return []
    return [(MAX_RANK, 0, referent(speaker, actor), SENTENCES_BACK)]


def person_modified(ctx: Context, head: Token) -> bool:
    """A role set relative to a person named in it ("the Christie supporter", "the Sanders
    aide"): someone of that person's, who goes only to an actor the article gives the role,
    never to whoever was named last. A body or a place names no such relation: "the GOP
    candidate" and "the Texas senator" are still the candidate and the senator."""
    owners = (ctx.actor_of_token.get(c.i) for c in head.children if c.dep_ in ("compound", "poss"))
    return any(actor is not None and actor.type == "PERSON" for actor in owners)


def possessors(ctx: Context, head: Token) -> set[str]:
    """The actors owning a role: Roe in "Roe's lawyer" is not the lawyer."""
    owners = {ctx.actor_of_token.get(c.i) for c in head.children if c.dep_ == "poss"}
    return {actor.id for actor in owners if actor is not None}


SEX_OF_OWNER = {"his": "m", "her": "f"}


def held_for_another(ctx: Context, head: Token, role: str) -> set[str]:
    """The actors the article gives the role as someone else's whose sex is not the one of
    the speaker's own "his" or "her": "His lawyer said" after "Clinton's lawyer Cheryl Mills"
    is not Mills, whose client is a woman."""
    owner = pronoun_owner(head)
    sex = SEX_OF_OWNER.get(owner.lower_) if owner is not None else None
    if sex is None:
        return set()
    found = set()
    for token in ctx.doc[: head.i]:
        if token.pos_ != "NOUN" or load_roles().same_as(token.lemma_.lower()) != role:
            continue
        owners = [ctx.actor_of_token.get(c.i) for c in token.children if c.dep_ == "poss"]
        owners_sex = {sex_of(ctx, a.id) for a in owners if a is not None}
        if not owners_sex or sex in owners_sex or None in owners_sex:
            continue
        near = [token.head, *token.children, *ctx.doc[token.i + 1 : token.i + 4]]
        found |= {a.id for t in near if (a := ctx.actor_of_token.get(t.i)) is not None}
        found -= {a.id for a in owners if a is not None}
    return found


def held_outside(ctx: Context, role: str, own: range) -> set[str]:
    """The actors the article gives the role before the speaker, not counting where it gives
    it in the rest of the speaker's own sentence: "the GOP front-runner said Democratic
    front-runner Clinton ..." is not Clinton, and an agency the article calls "the agency" only
    further on is not the one meant here."""
    return {
        actor_id
        for actor_id, words in ctx.roles.items()
        if any(where < own.start for where in words.get(role, ()))
    }
