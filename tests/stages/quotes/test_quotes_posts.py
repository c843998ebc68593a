"""An embedded post is a direct quote of its author, read off its signature line."""

from __future__ import annotations

import pytest

from presslens import analyse

LEAD = (
    "Council backs the new road\n\n"
    "Councillor Jane Rowe voted against the road on Monday night and wrote about it online.\n\n"
)
BODY = "The road plan is a disgrace and the town will remember it in May"


def speakers_of(text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    dossier = analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    return {
        q.text: (q.speaker, tuple(names[i] for i in q.speaker_actor_ids)) for q in dossier.quotes
    }


@pytest.mark.parametrize(
    ("post", "speaker"),
    [
        (f'<tweet author="@janerowe" datetime="2016-03-10">{BODY}</tweet>', "@janerowe"),
        (f'<tweet author="@CouncillorRowe" datetime="2016-3-10">{BODY}</tweet>', "@CouncillorRowe"),
        (f"{BODY}\n\n— Jane Rowe (@jrowe_77) March 10, 2016", "Jane Rowe"),
    ],
)
def test_a_post_is_its_authors_quote(post: str, speaker: str) -> None:
    found = speakers_of(f"{LEAD}{post}\n\nThe road opens next year.\n")
    assert found[BODY] == (speaker, ("Jane Rowe",))


def test_a_handle_that_spells_no_actor_keeps_its_text_and_no_actor() -> None:
    post = f'<tweet author="@roadwatch" datetime="2016-03-10">{BODY}</tweet>'
    found = speakers_of(f"{LEAD}{post}\n\nThe road opens next year.\n")
    assert found[BODY] == ("@roadwatch", ())


def test_handles_and_hashtags_are_not_actors() -> None:
    post = (
        "— Road Watch (@roadwatch) March 10, 2016\n\nU see @janerowe, the #RoadPlan is wrong "
        "and we say so CONSTANTLY & loudly. Thoughts with #JebBush and .@SpeakerRyan today."
    )
    dossier = analyse(f"{LEAD}{post}\n\nJane Rowe said the road opens next year.\n")
    names = [a.name for a in dossier.actors]
    assert not [n for n in names if "@" in n or "&" in n or "RoadPlan" in n or "JebBush" in n]
    assert "Jane Rowe" in names


def test_a_pages_embedded_tweet_is_its_authors_quote() -> None:
    page = (
        "<html><head><title>Council backs the new road</title></head><body><article>"
        "<h1>Council backs the new road</h1><p>Councillor Jane Rowe voted against the road on "
        "Monday night and wrote about it online, as she has done after every vote this year.</p>"
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>'
        f"{BODY}</p>&mdash; Jane Rowe (@jrowe_77) "
        '<a href="https://example.org/status/1">March 10, 2016</a></blockquote></div>'
        "<p>The road opens next year, the council said in a statement on Tuesday morning.</p>"
        "</article></body></html>"
    )
    assert speakers_of(page)[BODY] == ("Jane Rowe", ("Jane Rowe",))
