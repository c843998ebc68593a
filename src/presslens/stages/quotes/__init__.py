"""The quotes stage: who said what, with quoted terms and warnings.

The flow, each module importing only those before it: `lexicon` (reporting cues), `marks`
(quotation marks paired, text only), `speakers` (speaker phrases, pronouns, actors), `context`
(shared state and span helpers), `reported` (reported speech from the parse), `direct`
(cue and speaker of each quotation), `stage` (`find_quotes`: everything put together).
"""

from presslens.stages.quotes.stage import find_quotes

__all__ = ["find_quotes"]
