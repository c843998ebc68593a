"""Direct quotes: the cue and speaker of each quoted span.

The most reliable evidence first: a reporting verb the quotation hangs on in the parse, the
nearest cue in its sentence, a lead-in ending in ":", "according to X", then a reporting noun
("in X's words"). Short fragments need the parse to tie them to a cue; a fragment set in the
writer's words after its cue is `mixed`. A long quotation with no cue at all falls back on
the nearest name around it (`nearest_name`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from presslens.model import Span
from presslens.stages.quotes.according import according_attribution
from presslens.stages.quotes.context import (
    Attribution,
    Context,
    cue_phrase,
    is_cue_verb,
    last_token,
    puts_it,
    tells_whom,
    token_at,
    token_span,
    tokens_in,
    trim,
    word_count,
)
from presslens.stages.quotes.marks import Quoted
from presslens.stages.quotes.reported import noun_speaker, unquoted_subject
from presslens.stages.quotes.speakers import Speaker, make_speaker
from presslens.stages.quotes.subjects import a_thing, subject_of
from presslens.stages.titles import title_like

TERM_MAX_WORDS = 4  # a cue-less quoted fragment this short is a term, not a quote
WINDOW_TOKENS = 12  # how far from a quote its cue may sit in the same sentence


def quote_head_cue(ctx: Context, quoted: Quoted) -> Token | None:
    """A cue verb the quotation hangs on in the parse, or that hangs on the quotation."""
    inside = set(tokens_in(ctx, quoted.span))
    best: Token | None = None
    for i in inside:
        token = ctx.doc[i]
        ancestors = [token.head, token.head.head] if token.head.i not in inside else []
        candidates = ancestors + [c for c in token.children if c.i not in inside]
        for candidate in candidates:
            if candidate.i in inside or candidate.i in ctx.quote_of_token:
                continue
            if is_cue_verb(candidate, ctx.lexicon) and subject_of(candidate) is not None:
                if best is None or distance(candidate, quoted) < distance(best, quoted):
                    best = candidate
    return best


def cue_right_after(ctx: Context, quoted: Quoted) -> Token | None:
    """'"You winning?" she said', '"No," said Roe': words set off by a comma, a question or an
    exclamation mark inside the closing mark, with a cue and its speaker right after: a short
    utterance, however the parser splits the sentence. Only a quotation opening its sentence:
    a term in scare quotes ends in a comma too ('blamed the "elites," she said')."""
    if quoted.inner.of(ctx.text).rstrip()[-1:] not in (",", "?", "!"):
        return None
    before = ctx.text[max(0, quoted.span.start - 3) : quoted.span.start].rstrip(" ")
    if before and before[-1] not in '.!?\n"”':
        return None
    start = last_token(ctx, quoted.span) + 1
    after = [t for t in ctx.doc[start : start + SPEAKER_WORDS + 2] if not t.is_space]
    if "\n" in ctx.text[quoted.span.end : after[0].idx if after else quoted.span.end]:
        return None
    for verb in after[: SPEAKER_WORDS + 1]:
        if is_cue_verb(verb, ctx.lexicon) and verb.lemma_.lower() in ctx.lexicon.clause:
            subject = subject_of(verb)
            if subject is not None and whole_phrase_between(subject, after[0], verb):
                return verb
        if verb.pos_ in ("VERB", "AUX") or verb.is_punct:
            return None
    return None


SPEAKER_WORDS = 6  # the longest speaker phrase read between a closing mark and its cue


def whole_phrase_between(subject: Token, first: Token, verb: Token) -> bool:
    """'"No," said Roe', '"No," she said', '"No," councilwoman Ann Roe said': the subject
    right after the cue, or all the words from the closing mark to the cue its phrase."""
    if first.i == verb.i:
        return subject.i == verb.i + 1 or subject.left_edge.i == verb.i + 1
    phrase = {t.i for t in subject.subtree}
    return all(i in phrase for i in range(first.i, verb.i))


def distance(token: Token, quoted: Quoted) -> int:
    if token.idx < quoted.span.start:
        return quoted.span.start - token.idx
    return token.idx - quoted.span.end


def window_tokens(ctx: Context, quoted: Quoted) -> list[Token]:
    """Tokens around a quotation that may hold its cue: the rest of its sentences, and the
    start of the next sentence in the paragraph when the quotation ends its own
    ('"...," \n said Caddell.' is often split off by the parser)."""
    doc = ctx.doc
    first = doc[token_at(ctx, quoted.span.start)].sent
    last = doc[last_token(ctx, quoted.span)].sent
    inside = set(tokens_in(ctx, quoted.span))
    tokens = [t for t in doc[first.start : last.end] if t.i not in inside]
    after = [t for t in tokens if t.idx >= quoted.span.end]
    if len(after) <= 1 and last.end < len(doc):
        following = doc[last.end].sent
        if "\n" not in ctx.text[quoted.span.end : following.start_char] and runs_on(
            ctx, quoted, following[0]
        ):
            reach = max(WINDOW_TOKENS, following.root.i - following.start + 1)
            tokens += list(following)[:reach]  # a long speaker's phrase before its verb
    return [t for t in tokens if t.i not in ctx.quote_of_token]


def runs_on(ctx: Context, quoted: Quoted, first: Token) -> bool:
    """Whether the sentence after a quotation goes on with its attribution: the quotation
    ends with a comma ('"A," \n said Roe.'), the next words are not a sentence's start
    ('"Why?" asked Roe.') or are a bare attribution ('"A." Roe said.'); after '"A." Neither
    man would comment.' they are not."""
    inner = quoted.inner.of(ctx.text).rstrip()
    return inner.endswith(",") or not first.text[:1].isupper() or bare_attribution(ctx, first)


NEGATORS = frozenset({"not", "n't", "never", "neither", "no", "nobody", "none"})


def subject_before(first: Token, root: Token) -> bool:
    """Whether all words from `first` to the verb are its subject's phrase ("Roe's niece,
    state Del. Ann Price (D-Ohio), shouted"): a speaker with a long description."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != first.i:
        return False
    return all(t.is_punct for t in first.doc[subject.right_edge.i + 1 : root.i])


def bare_attribution(ctx: Context, first: Token) -> bool:
    """'"A." Roe said.', '"A?" Roe told reporters.': a sentence opening with a speaker and a
    reporting verb that reports nothing else, said outright (not "Neither man would
    comment.")."""
    sentence = first.sent
    root = sentence.root
    if root.lemma_.lower() not in ctx.lexicon.clause:
        return False  # "Roe said, looking out on the crowd." still counts
    if root.i - first.i > 4 and not subject_before(first, root):
        return False
    if any(t.lower_ in NEGATORS or t.tag_ == "MD" for t in sentence[: root.i - sentence.start + 1]):
        return False
    told = tells_whom(root, ctx.lexicon)  # "Roe told reporters."
    reports = ("ccomp", "xcomp") if told else ("ccomp", "dobj", "xcomp")
    return not any(c.dep_ in reports for c in root.children)


def window_cue(ctx: Context, quoted: Quoted) -> Token | None:
    """The nearest cue verb with a subject around the quotation, outside any quote."""
    best: Token | None = None
    for token in window_tokens(ctx, quoted):
        if not is_cue_verb(token, ctx.lexicon) or subject_of(token) is None:
            continue
        if distance(token, quoted) > WINDOW_TOKENS * 8:
            continue
        if best is None or distance(token, quoted) < distance(best, quoted):
            best = token
    return best


def nearest_name(ctx: Context, quoted: Quoted) -> Speaker | None:
    """Last resort for a quotation with no cue: whoever the clause it sits in is about
    (`governing_subject`), else the nearest person or organisation named around it ("...
    doesn't surprise pollster Daron Shaw: "..."", ""..." Trump went on")."""
    governing = governing_subject(ctx, quoted) or colon_subject(ctx, quoted)
    if governing is not None:
        return governing
    tokens = window_tokens(ctx, quoted)
    before = ctx.text[: quoted.span.start].rstrip()
    if before.endswith(":") and not any(t.idx < quoted.span.start for t in tokens):
        tokens = list(ctx.doc[token_at(ctx, len(before) - 1)].sent)
    names = [t for t in tokens if t.ent_type_ in ("PERSON", "ORG") and t.dep_ != "compound"]
    names = [t for t in names if t.pos_ == "PROPN" and not t.like_url]  # not "The", a link
    names = [t for t in names if t.i not in ctx.quote_of_token and not aimed_at(t)]
    if not names:
        return None
    best = min(names, key=lambda t: distance(t, quoted))
    return make_speaker(ctx.text, best, ctx.actors)


def named_after(ctx: Context, quoted: Quoted) -> Speaker | None:
    """'"A," an angry Roe retaliated.': the named subject right after a quotation that ends in
    a comma, as in an attribution after it."""
    if not quoted.inner.of(ctx.text).rstrip().endswith(","):
        return None
    last = ctx.doc[last_token(ctx, quoted.span)]
    after = [t for t in last.sent if t.idx >= quoted.span.end and t.i not in ctx.quote_of_token]
    subject = next((t for t in after[:WINDOW_TOKENS] if t.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    return make_speaker(ctx.text, subject, ctx.actors)


def colon_subject(ctx: Context, quoted: Quoted) -> Speaker | None:
    """'Rep. Roe gave the idea a try in an interview with CNN: "..."': a quotation a sentence
    leads into with a colon is what the sentence's acting subject said (a person, a body, a
    pronoun or a role), not the nearest name (CNN)."""
    before = ctx.text[: quoted.span.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = ctx.doc[token_at(ctx, len(before) - 1)]
    verb = colon.head  # "delivered a blunt message to Roe:" hangs the colon on "Roe"
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.i < colon.i:
        verb = verb.head
    verb = verb if verb.pos_ in ("VERB", "AUX") and verb.i < colon.i else colon.sent.root
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i in ctx.quote_of_token or a_thing(subject):
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in ("he", "she", "they"):
        return None
    speaker = make_speaker(ctx.text, subject, ctx.actors)
    if speaker is None or not (speaker.actor_id or speaker.pronoun or speaker.role):
        return None
    return speaker


TARGET_PREPOSITIONS = frozenset({"for", "about", "against", "at", "on", "over", "to", "toward"})


def aimed_at(name: Token) -> bool:
    """'cries of "Traitor!" (for Ann Bell)', 'chants aimed at Roe': a name the words are for
    or about, not the one who says them."""
    return name.dep_ == "pobj" and name.head.lower_ in TARGET_PREPOSITIONS


AGENT_SUBJECTS = frozenset({"nsubj", "csubj"})  # not "Rubio was hurt by ...": he is acted on


def governing_subject(ctx: Context, quoted: Quoted) -> Speaker | None:
    """The named subject of the clauses a quotation hangs in, the writer's words around it
    ("Moore thanked Obama for "...": Moore, not Obama; "Brooks stated that Rubio was hurt by
    going "..."": Brooks). Going up from the quotation, a reporting verb's subject wins over
    the nearest acting one; a subject acted on, or no name, is passed by."""
    inside = set(tokens_in(ctx, quoted.span))
    tops = [
        t for t in map(ctx.doc.__getitem__, inside) if t.head.i not in inside and not t.is_punct
    ]
    if not tops or any(t.head.i == t.i for t in tops):
        return None  # a sentence of its own: nothing around governs it
    token = common_head([t.head for t in tops])
    if token is None:
        return None  # pieces hung on different sentences
    found: Speaker | None = None
    while True:
        if token.pos_ in ("VERB", "AUX"):
            speaker = named_subject(ctx, token)
            if speaker is not None and is_cue_verb(token, ctx.lexicon):
                return speaker
            found = found or speaker
        if token.head.i == token.i:
            return found
        token = token.head


def common_head(heads: list[Token]) -> Token | None:
    """The nearest token that all of `heads` are, or hang under: 'credited Clinton's victory to
    "a closed primary, something I ..."' hangs its pieces on "to" and, misparsed, on
    "victory"; both hang under "victory"."""
    first, *others = heads
    for candidate in [first, *first.ancestors]:
        if all(h == candidate or candidate.is_ancestor(h) for h in others):
            return candidate
    return None


def named_subject(ctx: Context, verb: Token) -> Speaker | None:
    """The verb's own acting subject as a speaker, when it is a named actor's."""
    subject = next((c for c in verb.children if c.dep_ in AGENT_SUBJECTS), None)
    if subject is None or subject.i in ctx.quote_of_token or subject.pos_ != "PROPN":
        return None
    speaker = make_speaker(ctx.text, subject, ctx.actors)
    return speaker if speaker is not None and speaker.actor_id is not None else None


LEAD_VERBS = frozenset({"speak", "talk"})  # "Trump spoke in bromides:" with no colon


def lead_paragraph_speaker(
    ctx: Context, quoted: Quoted, earlier: list[Attribution]
) -> Speaker | None:
    """A paragraph that is one quotation, after a paragraph whose last sentence has a named
    speaker speaking ("... since Trump spoke only in evasive bromides.") or after another such
    quotation paragraph, is that speaker's: news sets a run of quotes under its lead-in."""
    text = ctx.text
    run_on = [a for a in earlier if not text[a.span.end : quoted.span.start].strip()]
    if run_on:
        return run_on[-1].speaker  # the run of quotations goes on
    start = text.rfind("\n", 0, quoted.span.start) + 1
    if text[start : quoted.span.start].strip():
        return None  # the quotation does not open its paragraph
    before = text[:start].rstrip()
    if not before:
        return None
    last = ctx.doc[token_at(ctx, len(before) - 1)].sent
    for token in last:
        lemma = token.lemma_.lower()
        if lemma in LEAD_VERBS or (lemma in ctx.lexicon.clause and lemma not in ctx.lexicon.stance):
            subject = subject_of(token) if token.pos_ in ("VERB", "AUX") else None
            speaker = make_speaker(text, subject, ctx.actors) if subject is not None else None
            if speaker is not None and speaker.actor_id is not None:
                return speaker
    return None


def gap_text(ctx: Context, token: Token, quoted: Quoted) -> str:
    if token.idx < quoted.span.start:
        return ctx.text[token.idx : quoted.span.start]
    return ctx.text[quoted.span.end : token.idx]


def lead_in_cue(ctx: Context, quoted: Quoted) -> Token | None:
    """'Caddell continued:' ending the text just before the quotation (maybe a paragraph)."""
    before = ctx.text[: quoted.span.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = token_at(ctx, len(before) - 1)
    sentence = ctx.doc[colon].sent
    for token in reversed(list(sentence)):
        if token.i <= colon and is_cue_verb(token, ctx.lexicon) and subject_of(token) is not None:
            return token
    return None


def noun_cue(ctx: Context, quoted: Quoted) -> tuple[Token, Speaker] | None:
    """A reporting noun with a speaker earlier in the sentence ("Putin's boast ... that "...")."""
    start = token_at(ctx, quoted.span.start)
    sentence = ctx.doc[start].sent
    for token in reversed(list(ctx.doc[sentence.start : start])):
        if token.i in ctx.quote_of_token:
            return None  # another quotation stands between: the noun is its cue, not ours
        if token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() in ctx.lexicon.nouns or token.lower_ in ctx.lexicon.nouns:
            speaker = noun_speaker(ctx, token)
            if speaker is not None:
                return token, speaker
    return None


def according_cue(ctx: Context, quoted: Quoted) -> Attribution | None:
    """'According to ISW: "..."' with the phrase in the quote's sentence, before it."""
    start = token_at(ctx, quoted.span.start)
    sentence = ctx.doc[start].sent
    for token in ctx.doc[sentence.start : start]:
        found = according_attribution(ctx, token)
        if found:
            return found
    return None


def embedding_clause(ctx: Context, verb: Token, subject: Token, quoted: Quoted) -> tuple[Span, str]:
    """A quotation set in words of the writer after its cue ("called the statement "odd"",
    "said his rival is in "serious trouble"") is reported with those words, as `mixed`; not
    one in a sentence of its own or after the speaker ('... said Ann Bell of the group.
    ''B.''', 'said Ann Bell: "B."')."""
    if verb.idx > quoted.span.start or verb.sent.start_char > quoted.span.start:
        return quoted.span, "direct"
    last = verb.right_edge if puts_it(verb) else verb  # "As Roe put it in a memo, ..."
    start = max(last.idx + len(last.text), cue_phrase(verb).end)  # "shot back, "...""
    between = ctx.text[start : quoted.span.start]
    first = ctx.doc[token_at(ctx, quoted.inner.start)]
    if first.sent.start != verb.sent.start or start <= subject.idx < quoted.span.start:
        return quoted.span, "direct"
    words = [w for w in between.split() if any(c.isalnum() for c in w)]
    if len(words) <= 1 and (not words or words[0].lower() in ("that", "to", "of")):
        return quoted.span, "direct"
    if len(words) > 25:
        return quoted.span, "direct"
    return trim(ctx.text, Span(start, quoted.span.end)), "mixed"


def attribute_quoted(ctx: Context, quoted: Quoted) -> Attribution | None:
    """Cue and speaker of a quoted span, trying the most reliable evidence first.

    A short fragment needs the parse to tie it to its cue (or "in X's words"): a cue merely
    nearby is how scare quotes and titles ("This Week") get mistaken for speech."""
    inner = quoted.inner.of(ctx.text)
    titled = title_like(inner)
    short = word_count(inner) <= TERM_MAX_WORDS or titled
    finders = (
        ((quote_head_cue, 0.9), (cue_right_after, 0.85))
        if short
        else (
            (quote_head_cue, 0.9),
            (window_cue, 0.8),
            (lead_in_cue, 0.75),
        )
    )
    for finder, confidence in finders:
        verb = finder(ctx, quoted)
        if verb is None or (titled and not said_outright(ctx, quoted, verb)):
            continue
        subject = unquoted_subject(ctx, verb)
        if subject is None:
            continue
        speaker = make_speaker(ctx.text, subject, ctx.actors)
        if speaker is not None and speaker.span.contains(quoted.span):
            return None  # 'the "Avatar" star posted': a title in the speaker's phrase
        if speaker is not None:
            span, kind = embedding_clause(ctx, verb, subject, quoted)
            return Attribution(kind, span, cue_phrase(verb), verb.i, speaker, confidence)
    according = according_cue(ctx, quoted) if not short else None
    if according:
        return replace(according, kind="direct", span=quoted.span, confidence=0.8)
    by_noun = noun_cue(ctx, quoted)
    if by_noun and (not short or by_noun[0].lower_ in ("words", "word")):
        noun, speaker = by_noun
        return Attribution("direct", quoted.span, token_span(noun), noun.i, speaker, 0.7)
    return None


SAID_DEPS = frozenset({"dobj", "ccomp", "parataxis", "xcomp", "attr", "oprd"})


def said_outright(ctx: Context, quoted: Quoted, verb: Token) -> bool:
    """Whether the quotation is the cue's own object or clause ('chanted "Lock Her Up"'), not
    a name in a phrase hung on it ('On the episode of "The Morning Show," she said')."""
    inside = set(tokens_in(ctx, quoted.span))
    return any(ctx.doc[i].head.i == verb.i and ctx.doc[i].dep_ in SAID_DEPS for i in inside) or any(
        child.i in inside for child in verb.children if child.dep_ == "nsubj"
    )


def short_fragment(ctx: Context, quoted: Quoted) -> bool:
    return word_count(quoted.inner.of(ctx.text)) <= TERM_MAX_WORDS
