"""What kind of thing a name is, from the words around it.

The small model often tags a surname ORG or GPE ("Trump" is ORG 12 of 20 times in the showcase),
so a name's type is a vote over its mentions, corrected by the grammar around them:
- a role noun in apposition or just before a name marks a person ("Putin's advisor, Alexandr
  Dugin", "adviser Dugin", "leaders such as Macron"), and so does a title ("Mrs. Doe");
- a place noun introducing a list marks places ("cities such as Kherson, Kramatorsk", "the town
  of Bakhmut");
- a country's name is always of type GPE (resources/actors.json "countries").
A country, city, state or region is an actor only where it acts, is acted on or owns something
("Iowa voted", "sanctions against Russia", "Florida's governor"); named only as a location ("in
Iowa", "a California Democrat", "aid to Haiti" is acted on: an actor) it is a place (DESIGN.md:
countries or governments are actors where they act or speak).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.stages.entities.rules import rules
from presslens.stages.places import load_places
from presslens.stages.reporting import load_lexicon
from presslens.stages.roles import load_roles

PERSON_SHARE = 0.25
ACTS = 2  # a place is an actor from one mention as a subject or two acted on or owning
ENUMERATING = {"as", "like", "including"}  # "cities such as X", "leaders like Y"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUBJECTS = {"nsubj", "nsubjpass"}
STRONG = {"agent", "poss", "dobj"}
PARTNERS = {"with", "between", "by"}  # "talks with China", "rivalry between Russia and Turkey"
OUTLET_PREPOSITIONS = {"on", "via"}
LOCATIVE = {
    *("in", "at", "from", "to", "into", "near", "around"),  # "the battles around Bakhmut"
    *("outside", "inside", "across", "throughout"),
}


@dataclass(slots=True)
class Group:
    """The mentions of one name (later: of one actor), with their votes."""

    name: str
    gender: str = ""  # set for a one-word name under a gendered title: 'Mrs. Doe'
    person: bool = False  # a person's full name with the forms merged into it
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    spans: list[Span] = field(default_factory=list)
    genders: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    acting: int = 0
    locative: int = 0  # mentions after "in", "at", "from", "to": "in Washington"
    media: int = 0  # mentions as where words appear: "on Twitter", "a Facebook post"
    outlets: int = 0  # of those, after "on" or "via"
    aired: int = 0  # of those, where words are said or aired: 'said on CNN'
    venues: int = 0  # mentions as where something is done or held: 'spoke at X', 'a rally at X'
    openings: int = 0  # mentions that are a common word opening a sentence
    descriptive: int = 0  # mentions inside an indefinite description
    adjectives: int = 0  # one-word mentions the tagger reads as adjectives
    describing: int = 0  # mentions before a person's title: 'Army Capt. Humayun Khan'
    placed: int = 0  # mentions of a town with its state: 'Ferguson, Missouri'
    body: bool = False  # the grammar gave it an organisation's noun: 'the company Theranos'

    def absorb(self, other: Group) -> None:
        self.labels.update(other.labels)
        self.surfaces.update(other.surfaces)
        self.spans.extend(other.spans)
        self.genders.update(other.genders)
        self.titles.update(other.titles)
        self.acting += other.acting
        self.locative += other.locative
        self.media += other.media
        self.outlets += other.outlets
        self.aired += other.aired
        self.venues += other.venues
        self.openings += other.openings
        self.descriptive += other.descriptive
        self.adjectives += other.adjectives
        self.describing += other.describing
        self.placed += other.placed
        self.body = self.body or other.body


def has_person_role(ent: DocSpan) -> bool:
    """'Putin's advisor, Alexandr Dugin', 'adviser Dugin' and 'leaders such as Macron': a role
    noun marks a person."""
    roles = rules().person_roles
    root = ent.root
    if root.dep_ in ("compound", "nmod") and root.head.pos_ == "PROPN":
        return False  # "candidate Texas Senator Ted Cruz": the role is Cruz's, not Texas's
    if root.dep_ == "appos" and root.head.lemma_.lower() in roles:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in roles for c in root.children):
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lemma_.lower() in roles:
        return True
    return class_noun(ent) in roles


def class_noun(ent: DocSpan, joins: set[str] = ENUMERATING) -> str:
    """The noun a list of names is introduced by ('major cities such as Kherson, Zaporizhzhia,
    Kramatorsk', 'leaders like Macron and Scholz'; with "of" in `joins`, 'the town of
    Bakhmut'), as a lower-cased lemma, or "" when there is none."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "Kramatorsk" -> "Zaporizhzhia" -> "Kherson"
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in joins:
        return ""
    noun = prep.head.head if prep.head.lower_ == "such" else prep.head
    if noun.pos_ != "NOUN" or not (noun.is_lower or noun.is_sent_start):
        return ""  # "the State of the Union" is a name itself
    if prep.lower_ == "of" and noun.tag_ != "NN":  # "the countries of the EU" is not a list
        return ""
    return noun.lemma_.lower()


def has_place_role(ent: DocSpan) -> bool:
    """Names a place noun introduces are places (the small model tags such names PERSON); but
    'the president of France' does not make France a person, so "of" counts only here."""
    return class_noun(ent, ENUMERATING | {"of"}) in rules().place_roles


def acting(ent: DocSpan) -> int:
    """How strongly the name acts: 2 as the subject of a verb other than "be", the "by" agent,
    an owner, a partner or the one acted on ("Iowa voted", "was invaded by Russia", "Florida's
    governor", "talks with China", "Germany sanctioned the firm"), 1 as the subject of "be",
    the object of 'against', 'for', 'on', 'about'... ("sanctions against Russia", "aid to
    Haiti", "a speech about China") or a place's name as a verb's object ("Germany sanctioned
    France": a place acted on once is still where, `acts_needed`; not "asked Russia to find
    ...", `made_to_act`), 0 elsewhere. A place acts through its public
    body ("Tulsa police said"); the first of a list of names stands for the others ("Iowa and
    Ohio voted"); the object of a verb of going ("enter", "visit") is where, not whom; a source
    after "according to" speaks."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if in_list_of_places(ent, root):
        return 0  # "states like Ohio and Florida", "Paris, Beirut and other cities": where
    if ent.label_ in PLACE_LABELS and verbless_line(root):
        return 0  # a letter's signature, "Arlington, Mass.": where the writer lives
    if ent.label_ not in PLACE_LABELS and speaks_through(root):
        return 2  # "a YouTube spokeswoman", "officials at Facebook": the body speaks
    if root.dep_ == "compound" and root.head.lemma_.lower() in rules().institutions:
        root = root.head  # "Tulsa police released video": the place acts through its body
    if root.dep_ == "dobj" and root.head.lemma_.lower() in rules().place_verbs:
        return 0  # "to enter the United States": where, not whom
    if on_a_site(ent) or state_of_a_town(ent):
        return 0  # "the small home on Grand Avenue", "a crowd in Berea, Ohio": where
    if root.dep_ == "poss" and aired(ent):
        return 0  # "on ABC's 'This Week'", "streamed on Hulu's site": where words air
    if ent.label_ in PLACE_LABELS and before_a_persons_title(ent):
        return 0  # "backed Texas Senator Ted Cruz": the senator's state, whatever the parse
    if root.dep_ == "poss" and ent.label_ in PLACE_LABELS and owns_a_thing(root):
        return 0  # "Earth's climate", "Florida's beaches": a place owning a thing
    if root.dep_ == "poss" and ent.label_ in PLACE_LABELS and home_of_a_person(ent):
        return 0  # "Florida's Rick Wilson": where the person is from
    if root.dep_ == "poss" and ent.label_ in PLACE_LABELS and where_it_happens(root.head):
        return 0  # "at Philadelphia's Union League club": where, not whose
    if ent.label_ == "LOC" and root.dep_ in ("dobj", "poss"):
        return 1  # "destabilized the Middle East", "Asia's growth": a region is no body
    if ent.label_ in PLACE_LABELS and root.dep_ == "dobj" and not made_to_act(root):
        return 1  # "admitting Poland to NATO", "dismissed Estonia as ...": acted on, once
    if root.dep_ in SUBJECTS and root.head.lemma_ != "be" or root.dep_ in STRONG:
        return 2
    if root.dep_ in rules().acting_deps:
        return 1
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return 2  # "according to Gallup": a source speaks
    if root.dep_ != "pobj" or root.head.lower_ not in rules().acting_prepositions:
        return 0
    return 2 if root.head.lower_ in PARTNERS else 1


def made_to_act(obj: Token) -> bool:
    """'asked Russia to find the emails', 'force Mexico to pay', 'get China on board': the
    object of a verb with a complement of its own does what the complement says."""
    return any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in obj.head.children if c.i > obj.i)


def verbless_line(root: Token) -> bool:
    """The name is the root of a sentence with no verb ("Arlington, Mass." under a reader's
    letter): it names where, it does nothing."""
    return root.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in root.sent)


def in_list_of_places(ent: DocSpan, first: Token) -> bool:
    """A name in a list a place noun introduces ("states like Ohio and Florida") or closes
    ("Paris, Brussels, Beirut and other cities struck by terror"): a list of where."""
    if has_place_role(ent) or included_in_places(first):
        return True
    listed, found = [first], []
    while listed:
        token = listed.pop()
        found.append(token)
        listed.extend(child for child in token.children if child.dep_ == "conj")
    places = rules().place_roles
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in places for t in found[1:]):
        return True
    return len(found) > 1 and summed_up_as_places(first)


def summed_up_as_places(first: Token) -> bool:
    """A list of names an apposed place noun sums up ("along with Ohio, Iowa and Nevada — all
    battleground states"): a list of where, unless the list is a subject ("Ohio and Iowa, both
    swing states, voted for him")."""
    if first.dep_ in SUBJECTS:
        return False
    places = rules().place_roles
    return any(
        child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in places
        for child in first.children
    )


def included_in_places(first: Token) -> bool:
    """A name that a place noun is said to include ("the three largest counties, which include
    Cleveland, Cincinnati and Columbus", "cities including Dayton"): a list of where."""
    verb = first.head
    if first.dep_ == "dobj" and verb.lemma_ == "include" and verb.dep_ in ("relcl", "acl"):
        noun = verb.head
    elif first.dep_ == "pobj" and verb.lower_ == "including":
        noun = verb.head
    else:
        return False
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in rules().place_roles


def where_it_happens(owned: Token) -> bool:
    """The place's possession is itself where something happens ("told a crowd at
    Philadelphia's Union League club", "in Chicago's South Side"), or is held there: an
    election, a contest, a meeting ("won Vermont's primary", "before Iowa's caucuses"; WordNet's
    occasions in resources/role_nouns.txt)."""
    if load_roles().occasion(owned.lemma_.lower()):
        return True
    return owned.dep_ == "pobj" and owned.head.lower_ in LOCATIVE


def home_of_a_person(ent: DocSpan) -> bool:
    """A place's possessive right before a person's name ("Colorado's Kendal Unruh", not
    "Azerbaijan's President Aliyev"): the person's home, not a place that owns or acts."""
    doc, after = ent.doc, ent.end
    if after < len(doc) and doc[after].tag_ == "POS":
        after += 1
    return after < len(doc) and doc[after].ent_iob_ == "B" and doc[after].ent_type_ == "PERSON"


def owns_a_thing(owner: Token) -> bool:
    """Whether what the name owns is a thing, a state or a quantity (WordNet's catalogue in
    resources/role_nouns.txt), not an act or a body: "Russia's invasion" and "Florida's
    governor" still make the place act."""
    return load_roles().thing(owner.head.lemma_.lower())


def speaks_through(root: Token) -> bool:
    """The name qualifies someone who speaks or acts for it: "a YouTube spokeswoman", "a
    spokeswoman for YouTube", "officials at Facebook" (for organisations: "a Texas senator"
    does not make Texas act)."""
    if root.dep_ == "compound":
        holder = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in ("for", "at", "of"):
        holder = root.head.head
    else:
        return False
    return holder.pos_ == "NOUN" and holder.lemma_.lower() in rules().person_roles


def outlet(ent: DocSpan) -> bool:
    """'posted on Twitter', 'via Facebook': the name is where words appear."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in OUTLET_PREPOSITIONS


def aired(ent: DocSpan) -> bool:
    """'said on CNN', 'an interview on Fox News', "on ABC's 'This Week'": the name is where
    words are said or aired (a reporting verb of the reporting lexicon's [clause], or an
    appearing word of actors.json "airing"); not 'called on Congress', 'a judge on the court'."""
    root = ent.root
    if root.dep_ == "poss" and root.head.dep_ == "pobj":
        root = root.head  # "on ABC's 'This Week'"
    if root.dep_ != "pobj" or root.head.lower_ not in OUTLET_PREPOSITIONS:
        return False
    word = root.head.head.lemma_.lower()
    lexicon = load_lexicon()
    if f"{word} {root.head.lower_}" in lexicon.preposition:
        return False  # "called on", "spoke on": whom or what about
    return word in lexicon.clause or word in rules().airing


def venue(ent: DocSpan) -> bool:
    """'Clinton said at Mission College', 'was buried at Holy Cross Cemetery', 'a rally at
    Temple University' (an occasion of resources/role_nouns.txt): the name is where something
    is done or held; not where someone belongs ('teaches at X', 'enlist advisers at X',
    'while at the State Department': actors.json "memberships", a person's or a body's noun)."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ != "at" or ent.start < 1:
        return False
    if ent.doc[root.head.i - 1].lower_ in ("while", "when"):
        return False  # "while at the State Department": her time there
    held = root.head.head
    if located(root) and not member_noun(held):
        return True  # "students at Westfield Academy in Queens": the school is where they are
    if held.pos_ == "NOUN":  # "a rally at X", "a debate at X"
        return (
            load_roles().occasion(held.lemma_.lower()) or held.lemma_.lower() in rules().occasions
        )
    if held.pos_ != "VERB" or belongs(held):
        return False
    objects = [child for child in held.children if child.dep_ == "dobj"]
    return not any(belongs(o) or o.ent_type_ == "PERSON" for o in objects)


def located(root: Token) -> bool:
    """'at Trump Place in New York', 'at Corvell University in Trenton': the name is placed in
    a town, a state or a region named right after it ("in" or "on", hung on the name or, as
    the parse often has it, on the word "at" hangs on: "students at X in Y")."""
    doc = root.doc
    after = root.i + 1
    while after < len(doc) and doc[after].dep_ == "nummod" and doc[after].head == root:
        after += 1  # "Academy 112 in Queens": its number
    if after >= len(doc):
        return False
    prep = doc[after]
    if (
        prep.dep_ != "prep"
        or prep.lower_ not in ("in", "on")
        or prep.head not in (root, root.head.head)
    ):
        return False
    return any(o.dep_ == "pobj" and o.ent_type_ in PLACE_LABELS for o in prep.children)


def member_noun(word: Token) -> bool:
    """A word that says someone holds a post or belongs to a body ("a historian at X", "the
    trustees at X", "teaches at X": `belongs`); not a word for people at large (actors.json
    "people_nouns": "students at X", "parents at X"), who are only there."""
    return word.lemma_.lower() not in rules().people_nouns and belongs(word)


def belongs(word: Token) -> bool:
    """A word of belonging to a body: a person's or a body's noun ("enlist advisers at X") or
    a verb of membership ("teaches at X")."""
    lemma = word.lemma_.lower()
    if word.pos_ in ("NOUN", "PROPN") and load_roles().kind(lemma) in ("PERSON", "ORG"):
        return True
    return lemma in rules().memberships


def medium(ent: DocSpan) -> bool:
    """An outlet, or a name that only qualifies a common noun ("a Twitter post", "his
    Facebook account")."""
    root = ent.root
    return outlet(ent) or (root.dep_ == "compound" and root.head.pos_ == "NOUN")


def locative(ent: DocSpan) -> bool:
    """'in Iowa', 'from Washington', and for a facility or a location (FAC, LOC) 'on' ("a home
    on Grand Avenue", "a development on Coney Island"): the name is where something happens."""
    root = ent.root
    return root.dep_ == "pobj" and (root.head.lower_ in LOCATIVE or on_a_site(ent))


def state_of_a_town(ent: DocSpan) -> bool:
    """'told a crowd in Berea, Ohio Tuesday night', 'in Salem, New Hampshire, Trump said': a state
    or a country written after a town of the gazetteer and a comma is the town's address,
    whatever role the parse gives it; not a subject ("In Paris, France said ...": a verb or a
    possessive follows)."""
    doc, places = ent.doc, load_places()
    if places.kind(ent.text) not in ("region", "country") or ent.start < 2:
        return False
    if doc[ent.start - 1].text != ",":
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and (after.pos_ in ("VERB", "AUX") or after.tag_ == "POS"):
        return False
    return any(
        places.kind(doc[ent.start - 1 - size : ent.start - 1].text) == "city" for size in (1, 2, 3)
    )


def before_a_persons_title(ent: DocSpan) -> bool:
    """'Texas Senator Ted Cruz', 'Wisconsin Gov. Scott Walker': a place set before a title
    (resources/actors.json "titles") and a person's name is that person's state or town,
    whatever role the parse gives it (not after a comma: "Sandy ravaged New Jersey, President
    Obama toured ...")."""
    doc = ent.doc
    start = ent.end
    found = rules().title_start.match(doc[start : start + 4].text.lower() + " ")
    if not found:
        return False
    words = len(found.group().split())
    after = start + words
    return after < len(doc) and doc[after].ent_type_ == "PERSON" and doc[after].ent_iob_ == "B"


def on_a_site(ent: DocSpan) -> bool:
    """'on Grand Avenue', 'on Coney Island', 'Republicans on Capitol Hill': "on" a facility,
    a location, or a place no country, state or town of the gazetteer names is where, not a
    thing acted on ("pressure on China" is a country's)."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ != "on":
        return False
    return ent.label_ in ("FAC", "LOC") or (
        ent.label_ == "GPE" and load_places().kind(ent.text) is None
    )


def actor_type(group: Group) -> str:
    fixed = rules().types.get(group.name)
    if fixed:
        return fixed
    if group.name in rules().platforms:
        return "ORG"  # "Twitter suspended the account": the company (the tagger says PERSON)
    if group.person:
        return "PERSON"  # its surname's ORG tags ("O'Malley's campaign") do not outvote it
    if is_region(group):
        return "GPE"  # "South Carolina" tagged ORG or PERSON
    if organisation_named(group.name):
        return "ORG"  # "the Hillary & Chelsea Clinton Foundation" tagged PERSON
    total = sum(group.labels.values())
    if group.labels["PERSON"] and group.labels["PERSON"] >= PERSON_SHARE * total:
        return "PERSON"  # the small model often tags a person's surname ORG or GPE
    return group.labels.most_common(1)[0][0]


# a company's legal form closing its name: "Pfizer Inc", "Moelis & Co."
LEGAL_FORMS = frozenset({"inc", "corp", "co", "llc", "ltd", "plc", "lp", "llp", "ag", "sa", "nv"})


def organisation_named(name: str) -> bool:
    """A name of several words whose head is an organisation's noun ("Foundation", "Committee",
    "Bureau of ...": the organisation nouns of the role catalogue, less nouns that are also
    things, "West Bank"), or a company's legal form ("Inc"): an organisation, whatever the
    tagger says."""
    if " " not in name:
        return False
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]  # "Federal Bureau of Investigation": its head
    roles = load_roles()
    last = words[-1].lower()
    if last.rstrip(".") in LEGAL_FORMS:
        return True  # "Pfizer Inc", "Las Vegas Sands Corp"
    return roles.body_noun(last)


def is_region(group: Group) -> bool:
    """A US state's name (the gazetteer's regions; countries are in actors.json) that nothing
    marks as a person's: no title, no sex."""
    if group.titles or group.genders:
        return False
    return load_places().kind(group.name) == "region"


def town_named_as_place(group: Group) -> bool:
    """A town or city of the gazetteer the article names as where things happen ("a blast in
    Chelsea", tagged ORG) at least half the time, and nothing marks as a person's or an
    organisation's ("University of Texas"); decided after merging, so a surname that is also a
    town ("Greenhill" of Robert F. Greenhill) has joined its person first."""
    if group.person or group.titles or group.genders or not group.locative:
        return False
    if organisation_named(group.name):
        return False
    return 2 * group.locative >= len(group.spans) and load_places().kind(group.name) == "city"


def is_country(group: Group) -> bool:
    return rules().types.get(group.name) == "GPE"


def acts_needed(group: Group) -> int:
    """A name the article shows to be a place ("in Iowa", or a country) is an actor only where
    it acts (once as a subject, an agent or an owner, or twice acted on); of another name the
    tagger calls a place (often wrongly: "Kasich", "NRA") any acting mention makes an actor;
    a region, a sea, a mountain the tagger calls a location (LOC, never a body: "overlooks
    Kaneohe Bay", "countries bordering the Pacific Rim") needs the place's two."""
    if group.locative or is_country(group) or actor_type(group) == "LOC":
        return ACTS
    return 1


def only_a_medium(group: Group) -> bool:
    """A publishing service (resources/actors.json "platforms") that never acts itself
    ("Twitter suspended the account"); a name mentioned once, where words are said or aired
    ("said on CNN", `aired`), and not a body's ("a judge on the Court of Appeals"); or a
    one-word name mentioned twice or more, every time
    as where words appear, at least once after "on" or "via", and never as a person's name
    (no title, no full name)."""
    if group.name in rules().platforms:
        return group.acting < ACTS
    mentions = len(group.spans)
    if mentions == 1 and group.aired and not (group.person or group.titles):
        return group.acting < ACTS and not organisation_named(group.name)  # "said on CNN"
    if mentions < 2 or " " in group.name or group.person or group.titles:
        return False
    return group.media == mentions and group.outlets > 0 and group.acting < ACTS


def kind(group: Group) -> str:
    """'actor', 'group' (NORP: nationalities, parties, religions; or a name only ever used as
    an adjective) or 'place'."""
    type_ = actor_type(group)
    if type_ == "NORP" or (group.adjectives == len(group.spans) and not is_country(group)):
        return "group"  # "Republican", "Democratic" (whatever the tagger calls it)
    if only_a_medium(group):
        return "place"  # where words appear, not who: "posted on Twitter", "a Twitter post"
    if type_ in PLACE_LABELS and group.acting < acts_needed(group):
        return "place"  # a country too: "in Syria" is where, "Syria agreed" who
    if town_named_as_place(group) and group.acting < ACTS:
        return "place"  # "a blast in Chelsea", tagged ORG
    if building_named_as_place(group) and group.acting < ACTS:
        return "place"  # "dined at the Venetian Hotel", tagged ORG
    if venue_named_once(group) and group.acting < ACTS:
        return "place"  # "Clinton said at Mission College"
    return "actor"


def venue_named_once(group: Group) -> bool:
    """A body named once, as where something is done or held (`venue`: "Clinton said at Mission
    College"), never as a person's name nor one of the standing institutions ("at the
    Senate")."""
    if len(group.spans) != 1 or not group.venues or group.person or group.titles:
        return False
    return group.name not in rules().standalone


def building_named_as_place(group: Group) -> bool:
    """A name of several words whose head is a building or a work by WordNet's most frequent
    sense, not a body ("Trump Tower", "Venetian Hotel", "Oval Office", "Whitney Museum"; not
    "New York Times", "Pew Research Center"), that the article names as where things happen at
    least half the time and nothing marks as a person's."""
    words = group.name.split()
    if len(words) < 2 or group.person or group.titles or group.genders or not group.locative:
        return False
    roles = load_roles()
    head = words[-1].lower()
    if not roles.structure(head) or roles.kind(head) is not None or organisation_named(group.name):
        return False
    return 2 * group.locative >= len(group.spans)


def mention_tokens(doc: Doc, span: Span) -> DocSpan | None:
    """The words of the parse a mention's characters fall in, widened to whole words."""
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def every_mention(group: Group, doc: Doc, test: Callable[[Token], bool]) -> bool:
    """Whether the group has mentions and `test` holds for the root word of each."""
    for span in group.spans:
        words = mention_tokens(doc, span)
        if words is None or not test(words.root):
            return False
    return bool(group.spans)
