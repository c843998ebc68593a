"""Whether an attribution reports words that were said, or something else.

A cue found by `reported` or `direct` may report speech that did not happen ("did not say",
"never said", "would not say whether"), a refusal to speak ("declined to comment", "refused to
discuss"), speech only supposed ("if he says", "could say", "would tell"), or a stance or an
intention rather than words ("opposes the bill", "seeks to downplay", "wants to"). PolNeAR
annotates all of these as attributions, but a reader of the quotes would take them for things
said: the stage lists them as stances. Each kind is read from the parse around the cue (a `neg`
dependent of the cue or of the verb it depends on, "nor" and "neither", "has yet to", a negative
phrase put first with the auxiliary turned, a subject that is no one, a modal auxiliary, an `if`
or `unless` marker, "decline" or "refuse" with a to-infinitive naming speech, a noun of refusal
or failure over the cue's infinitive, a verb joined by "or" to a negated one); the words
involved are data (resources/reporting_verbs.txt, sections [stance], [refusal], [speech],
[modal] and [likelihood]).
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.quotes.subjects import EVIDENTIAL, a_thing
from presslens.stages.reporting import Lexicon, load_lexicon

STANCE_KINDS = ("negated", "refusal", "hypothetical", "intent", "stance")
CONDITIONS = {"if", "unless", "whether"}  # a clause marker that makes its verb only supposed
# "he would later say": `would` telling of the past, not of a supposition
NARRATIVE = {"later", "eventually", "often", "always", "usually", "once", "then"}
NOBODY = {"nobody", "none", "neither"}
# nouns of refusing or failing: the infinitive they govern was not done ("his refusal to
# acknowledge the killings" is a refusal, "their failure to condemn the attack" an omission)
REFUSAL_NOUNS = frozenset({"refusal", "unwillingness", "reluctance"})
FAILURE_NOUNS = frozenset({"failure"})


def governing(cue: Token) -> list[Token]:
    """The cue and the verbs it hangs on through an infinitive: in "did not want to say",
    the negation sits on "want"; in "would not confirm or deny", on "confirm"; in "his
    refusal to acknowledge", the refusal is the noun's."""
    chain = [cue]
    current = cue
    while len(chain) < 3:
        if held_from(current):
            current = current.head.head  # over the preposition
        elif current.dep_ == "xcomp" or shared_conjunct(current) or of_a_noun(current):
            current = current.head
        else:
            break
        chain.append(current)
    return chain


def shared_conjunct(verb: Token) -> bool:
    """'would not confirm or deny that ...', 'declined to confirm or deny': a verb joined by
    "or" to the one before it, with no subject or auxiliary of its own, shares that verb's
    negation, refusal or modal ("did not deny the report and said ..." does not)."""
    if not joined_by(verb, "or"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def joined_by(verb: Token, word: str) -> bool:
    """A conjunct joined to the one before it by `word` ("or", "nor"): the coordinator hangs
    on the first conjunct, before this one."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i:
        return False
    return any(c.dep_ == "cc" and c.lower_ == word and c.i < verb.i for c in head.children)


def held_from(verb: Token) -> bool:
    """'refrained from saying whether ...', 'stopped short of calling them liars': a gerund
    after "from" or "of" under a refusal verb or a verb stopping short goes up to that verb
    (not "apart from saying", nor "was criticized for saying")."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ not in ("from", "of"):
        return False
    holder = preposition.head
    return holder.lemma_.lower() in load_lexicon().refusal or short(holder)


def short(verb: Token) -> bool:
    """'stopped short of', 'fell short of': what follows was not reached."""
    return any(c.dep_ == "advmod" and c.lower_ == "short" for c in verb.children)


def of_a_noun(verb: Token) -> bool:
    """'his refusal to acknowledge', 'their failure to condemn', 'no statement saying that
    ...': a cue that is a clause of a noun is refused, failed or denied with that noun. So is
    'Trump avoids condemning the invasion', where the tagger reads "avoids" as a plural noun
    and hangs the cue on it as a clause."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN"


# verbs of holding back: negated, the speech under them was given ("could not resist pointing
# out that ...", "did not hesitate to say"); "failed to mention" without a negation was not
HOLDING_BACK = frozenset({"resist", "hesitate", "fail", "neglect", "forget", *FAILURE_NOUNS})
OMITTING = frozenset({"fail", "neglect", "forget", *FAILURE_NOUNS})


def held_back(chain: list[Token]) -> tuple[list[Token], bool]:
    """The chain up to a verb of holding back, and whether the speech under it was left
    unsaid: "could not resist saying" is said (the negation and the modal sit above it),
    "failed to mention" is not."""
    for place, verb in enumerate(chain[1:], start=1):
        if verb.lemma_.lower() not in HOLDING_BACK:
            continue
        denied = any(c.dep_ == "neg" and c.i < verb.i for c in verb.children)
        return chain[:place], not denied and verb.lemma_.lower() in OMITTING
    return chain, False


def negated(chain: list[Token], speech: frozenset[str] = frozenset()) -> bool:
    """A negation before a verb of the chain ("did not say"), a subject that is no one, or an
    object that is nothing or no `speech` ("says nothing about X", "made no mention of X").
    A "not" the parser hangs on the cue from after it belongs to a later phrase ("promising
    to lift rules ― probably not what Graham had in mind")."""
    for verb in chain:
        if denied_by_nor(verb) or not_yet(verb) or fronted_negation(verb) or short(verb):
            return True
        for child in verb.children:
            if child.dep_ == "neg" and unquoted(child, verb):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and (no_one(child) or nothing_that(child)):
                return True
            if child.dep_ == "dobj" and (child.lower_ == "nothing" or no_speech(child, speech)):
                return True  # "the page says nothing", "made no mention of"
        if verb.pos_ == "NOUN" and no_determiner(verb):
            return True  # the cue "mention" of "made no mention of"
    return False


def denied_by_nor(verb: Token) -> bool:
    """'Nor did they note ...', 'neither confirmed nor denied', 'did not say X, nor did she
    explain Y': "nor" or "neither" before the verb, or "nor" joining it to the verb before."""
    if any(c.lower_ in ("nor", "neither") and unquoted(c, verb) for c in verb.children):
        return True
    return joined_by(verb, "nor")


NEGATIVES = frozenset({"not", "never", "nowhere", "nor", "neither"})


def fronted_negation(verb: Token) -> bool:
    """'Not once did he mention ...', 'At no point did she say ...', 'Nowhere does the report
    say ...': a negative phrase put first turns the auxiliary before the subject ("With no
    evidence, he said ..." has no such turn; "Not only did she say ..." is no negation)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    turned = [c for c in verb.children if c.dep_ == "aux" and c.i < subject.i]
    if not turned:
        return False
    return any(negative(t) and t.i < turned[0].i and unquoted(t, verb) for t in verb.subtree)


def unquoted(word: Token, verb: Token) -> bool:
    """`word` comes before `verb` with no quotation mark between: '"... Nor would Reagan,"
    Cross wrote' is the writer's "nor", not a negation of "wrote"."""
    between = word.doc[word.i + 1 : verb.i]
    return word.i < verb.i and not any(t.is_quote or t.text in ("''", "``") for t in between)


def negative(token: Token) -> bool:
    if token.dep_ == "det" and token.lower_ == "no":
        return True
    following = token.nbor() if token.i + 1 < len(token.doc) else token
    return token.lower_ in NEGATIVES and following.lower_ != "only"


def not_yet(verb: Token) -> bool:
    """'has yet to explain why', 'is yet to say': "have" or "be" with "yet" over the
    infinitive of the cue tells it has not been said."""
    if verb.lemma_.lower() not in ("have", "be"):
        return False
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)


def nothing_that(subject: Token) -> bool:
    """'There is nothing that suggests ...', 'no evidence that shows ...': a relative pronoun
    subject standing for nothing or for a noun under "no"."""
    verb = subject.head
    if subject.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl":
        return False
    return verb.head.lower_ in ("nothing", "nobody", "none") or no_determiner(verb.head)


def no_speech(noun: Token, speech: frozenset[str]) -> bool:
    """'made no mention', 'gave no comment': a noun of speech under "no" (not "reported no
    arrests", which says there were none)."""
    return noun.lemma_.lower() in speech and no_determiner(noun)


def no_determiner(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def no_one(subject: Token) -> bool:
    """'nobody said', 'no one said', 'none of them said', 'not one of them proposed', 'not a
    single senator said'."""
    if subject.lower_ in NOBODY:
        return True
    return any(  # "Neither Roe nor Hale said", "Roe nor other officials identified"
        c.dep_ == "det" and c.lower_ == "no" or c.dep_ == "neg" or c.lower_ in ("nor", "neither")
        for c in subject.children
    )


def speaking(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in lexicon.clause or lemma in lexicon.speech


def speaking_of(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of speaking of someone or something ("condemn", "praise"), not a stance's."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon.object and lemma not in lexicon.stance


def refusal(chain: list[Token], lexicon: Lexicon) -> bool:
    """'declined to comment', 'refused to say whether ...', 'avoids condemning the invasion':
    a refusal verb over speech, or over a verb of speaking of someone (not "refused to
    release his tax returns", a stance's verb: an intent)."""
    for verb in chain:
        if verb.lemma_.lower() not in lexicon.refusal | REFUSAL_NOUNS:
            continue
        if verb is not chain[0]:  # the cue is the refused speech itself
            return speaking(chain[0], lexicon) or speaking_of(chain[0], lexicon)
        if any(c.dep_ == "xcomp" and speaking(c, lexicon) for c in verb.children):
            return True
    return False


# verbs of wishing: the clause they govern is wished, not done ("I hope America says ...")
WISHING = frozenset({"hope", "wish", "pray"})


def hypothetical(chain: list[Token], lexicon: Lexicon) -> bool:
    """'could say', 'would tell', 'if he says', 'I hope in 2017 America says': speech only
    supposed or wished."""
    for verb in chain:
        if wished(verb) or asked(verb):
            return True
        children = list(verb.children)
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
            return True
        modal = any(
            c.dep_ == "aux" and c.lower_ in lexicon.modal and unquoted(c, verb) for c in children
        )
        if modal and not any(c.dep_ == "advmod" and c.lower_ in NARRATIVE for c in children):
            return True
    return False


def asked(verb: Token) -> bool:
    """'But has he called for changing them?': a yes-no question, its auxiliary before the
    subject, asks whether the words were said; it does not say they were ("Why did he say
    it?" takes for granted that he did)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not any(c.dep_ == "aux" and c.i < subject.i for c in verb.children):
        return False
    if any(t.tag_ in ("WRB", "WP", "WDT") for t in verb.doc[verb.sent.start : subject.i]):
        return False
    last = [t for t in verb.sent if not t.is_space and t.text not in ('"', "”", "''", ")")]
    return bool(last) and last[-1].text == "?"


def wished(verb: Token) -> bool:
    """'I hope in 2017 America says, "..."': a verb of wishing before the cue, with no mark
    between them, governs it, however the parse hangs the two ("hope" over "says", or "says"
    over "I hope"); "He hopes to win, he said" reports what was said."""
    doc, head = verb.doc, verb.head
    wishes = [c for c in verb.lefts if c.dep_ == "ccomp" and c.lemma_.lower() in WISHING]
    if verb.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in WISHING and head.i < verb.i:
        wishes.append(head)
    return any(not any(t.is_punct for t in doc[w.i + 1 : verb.i]) for w in wishes)


# verbs that make their object do what the infinitive says: it was done ("forced him to admit")
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
IMPLICATIVE = frozenset({"force", "compel", "get", "make", "lead", "cause", "help", "allow"})


def bidden(cue: Token) -> bool:
    """'daring him to say that ...', 'urged them to tell the truth', 'pressed her to explain':
    speech someone was asked or pushed to give, not speech given."""
    head = cue.head
    if cue.dep_ not in ("xcomp", "ccomp") or head.i == cue.i:
        return False
    if head.lemma_.lower() in IMPLICATIVE or head.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in OBJECT_PRONOUNS for c in cue.children):
        return True  # "daring him to say": the parse made the one dared the subject
    if cue.dep_ == "xcomp" and any(c.dep_ == "nsubjpass" for c in head.children):
        # "was asked to explain", "is poised to argue": not yet said; but "is reported to have
        # called them free riders" is said, by others' account
        return head.lemma_.lower() not in EVIDENTIAL
    return cue.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < cue.i for c in head.children)


def stance_kind(cue: Token, lexicon: Lexicon) -> str | None:
    """'intent' for a stance word with a to-infinitive ("seeks to"), 'stance' for one with an
    object ("opposes the bill", "support for the bill"); None for a cue of speech. Refusing
    anything but speech is an intent too ("refused to release his tax returns")."""
    words = lexicon.stance | lexicon.refusal
    if cue.lemma_.lower() not in words and cue.lower_ not in words:
        return None
    if any(c.dep_ == "xcomp" for c in cue.children):
        return "intent"
    return "stance"


def said_around(cue: Token, lexicon: Lexicon) -> bool:
    """'He hopes to win, he said': a speech verb set in the clause tells it was said."""
    near = list(cue.children) + [g for c in cue.children for g in c.children]
    for token in near:  # the cue's clause and the clause it reports, not the whole subtree
        if token.dep_ != "parataxis" or token.i < cue.i:
            continue
        lemma = token.lemma_.lower()
        if lemma in lexicon.clause and lemma not in lexicon.stance:
            return any(c.dep_ == "nsubj" for c in token.children)
    return False


NAME_TYPES = ("PERSON", "ORG", "GPE", "NORP")


def only_a_name(content: list[Token]) -> bool:
    """'attacking Mr. Roe', 'praised the Rail Union': a content that is one name and nothing
    else but a determiner or a title says whom, not what: a stance."""
    words = [t for t in content if not t.is_punct]
    named = [t for t in words if t.ent_type_ in NAME_TYPES]
    return bool(named) and all(t.pos_ in ("DET", "PROPN") for t in words if t not in named)


ANONYMITY = frozenset({"anonymity", "anonymously"})  # not "anonymous donors gave"


def about_anonymity(content: list[Token]) -> bool:
    """'spoke on condition of anonymity because ...', 'requested anonymity', 'asked not to be
    named': how a source is kept unnamed, no words of theirs."""
    words = [t for t in content if not t.is_punct][:4]
    if any(t.lower_ in ANONYMITY for t in words):
        return True
    return any(
        t.lemma_ in ("name", "identify") and any(c.dep_ == "auxpass" for c in t.children)
        for t in words
    )


LEAVE = frozenset({"authorize", "permit", "allow", "clear", "empower"})


def leave_to_speak(verb: Token) -> bool:
    """'who requested anonymity to discuss X', 'speaking on condition of anonymity to discuss
    X', 'not authorized to discuss X': the topic a source may not speak on by name, not what
    was said (the cue of the sentence says that)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i:
        return False
    return head.lemma_.lower() in LEAVE or any(
        t.lower_ in ANONYMITY for t in head.subtree if t.i < verb.i
    )


def attribution_kind(cue: Token, lexicon: Lexicon) -> str | None:
    """None when the cue reports words said; else the kind of stance it reports (one of
    STANCE_KINDS). Negation is read first: "did not want to comment" is negated."""
    if cue.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or said_around(cue, lexicon):
        return None  # "according to", a headline's colon, "..., he said": speech
    chain, unsaid = held_back(governing(cue))
    if unsaid or negated(chain, lexicon.clause | lexicon.nouns | lexicon.speech):
        return "negated"
    if refusal(chain, lexicon):
        return "refusal"
    if cue.pos_ in ("VERB", "AUX") and (hypothetical(chain, lexicon) or bidden(cue)):
        return "hypothetical"
    if likelihood(cue, lexicon):
        return "stance"
    return stance_kind(cue, lexicon)


def likelihood(cue: Token, lexicon: Lexicon) -> bool:
    """'The debate promises to be a crucial moment', 'the row threatens to become a crisis',
    'retirements promise to swell the costs': what is likely, not words anyone gave."""
    if cue.lemma_.lower() not in lexicon.likelihood:
        return False
    infinitives = [c for c in cue.children if c.dep_ == "xcomp"]
    if any(c.lemma_.lower() in ("be", "become") for c in infinitives):
        return True
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return bool(infinitives) and subject is not None and a_thing(subject)
