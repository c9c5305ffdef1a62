"""Work that grows faster than the input: each shape is exported at two sizes, 1x and 4x,
by the binary under test, and the CPU time the larger takes over the smaller's (less the
time of a one-line article: start-up, knowledge base) must stay near 4, as for news. A step
that is quadratic in the length of a paragraph, a sentence or the dates of a text makes it
near 16: such steps were found by exporting the shapes of `scripts/growth.py`, whose texts and
runs this test shares (bench/RESULTS.md, "Fifteenth session"): a paragraph of Italian prose
without line breaks (sentencex's rules for some languages split all the text before each full
stop), Chinese without spaces, a sentence of
thousands of quotations or names, a text of thousands of dates or of quotations, an article
of thousands of people named again by their surnames; and (twentieth session) a sentence of
thousands of role-named speakers ("the spokesman said that ..."), 330 s and a crash at 1.6 MB.
1.6 MB of such text took 4-66 s; now under 1.5 s.

This guards the growth of the work, not speed: the ratio, measured in CPU time (not wall
time) of one worker thread, is a property of the code whatever the machine (benchmarks,
`scripts/bench.py`, measure speed).
"""
import sys

import pytest

from conftest import ROOT, export_bin

sys.path.insert(0, str(ROOT / "scripts"))
from growth import article, cpu_seconds  # noqa: E402  (scripts/growth.py: shapes, runs)

BASE_BYTES = 300_000
GROWTH = 4
# Measured 3.2-4.4 for these shapes (debug and release builds); 8.1-15 with the binary before
# the quadratic steps were mended.
MAX_RATIO = 7.0

# The shapes of scripts/growth.py whose work was quadratic.
SHAPES = [
    "italian",  # a paragraph of Italian prose
    "chinese",  # a paragraph of Chinese, no spaces
    "dates",  # thousands of dates in a paragraph
    "names_no_full_stop",  # a sentence of thousands of knowledge-base names
    "open_quotes",  # a sentence of thousands of quotations
    "surnames_again",  # thousands of people named again by surname
    "quotes_sentence_after_sentence",  # thousands of attributed quotations
    "roles",  # a sentence of thousands of "the spokesman said that ..." (each content took
    # the rest of the sentence, and each role was looked for back to the text's start)
    "arabic_vso",  # a sentence of thousands of Arabic names glued to words ("المصري"): each
    # knowledge-base match looked at every other for a name it leans on
]


def exported_cpu_seconds(text: str, work) -> float:
    """CPU time of a one-thread export of `text` as one article, which must succeed."""
    cpu, done = cpu_seconds(export_bin(), text, work)
    assert done.returncode == 0, done.stderr
    return cpu


@pytest.fixture(scope="module")
def start_up(tmp_path_factory) -> float:
    """CPU time of an export of one short article: what every run costs before the text."""
    tmp = tmp_path_factory.mktemp("start")
    return min(exported_cpu_seconds("Title\n\nOne short sentence of text.\n", tmp / str(k))
               for k in range(2))


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_linearly_with_the_text(shape, start_up, tmp_path):
    small = exported_cpu_seconds(article(shape, BASE_BYTES), tmp_path / "small")
    large = exported_cpu_seconds(article(shape, GROWTH * BASE_BYTES), tmp_path / "large")
    ratio = (large - start_up) / max(small - start_up, 0.05)
    assert ratio < MAX_RATIO, (
        f"{shape}: {GROWTH}x the text took {ratio:.1f}x the CPU time "
        f"({small:.2f} s -> {large:.2f} s, start-up {start_up:.2f} s)")
