"""Across articles: what a corpus shows that no single dossier does. Fact-checks and claim
matching (factchecks, matching), the same claim in several articles (groups), figures that
disagree (conflicts). Reads stored records; never analyses an article.
"""
