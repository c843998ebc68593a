"""The quotes stage: who said what, with quoted terms, stances and warnings.

The flow, each module importing only those before it (the reporting cues are
`presslens.stages.reporting` and the role nouns `presslens.stages.roles`, both shared with the
entities stage): `marks` (quotation marks
paired, text only), `speakers` (speaker phrases, joint speakers, role nouns), `gender` (who
the article shows to be a man or a woman), `context` (shared state and span helpers),
`resolve` (pronouns and role nouns to actors), `lede` (a lede's description to the person
named next), `posts` (an embedded post to its author), `kinds` (speech, or a stance, a
refusal, negated or hypothetical speech), `according` ("according to X"), `reported`
(reported speech from the parse), `direct` (cue and speaker of each quotation), `stage`
(`find_quotes`: everything put together).
Beside them, independent of the rules, `learned` tags attributions (cue, source, content) with a
head on the contextual encoder's word pieces, for the accurate mode.
"""

from presslens.stages.quotes.stage import Found, find_quotes

__all__ = ["Found", "find_quotes"]
