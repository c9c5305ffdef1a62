"""Work that grows faster than the input: each shape is exported at two sizes, 1x and 4x,
by the binary under test, and the CPU time the larger takes over the smaller's (less the
time of a one-line article: start-up, knowledge base) must stay near 4, as for news. A step
that is quadratic in the length of a paragraph, a sentence or the dates of a text makes it
near 16: such steps were found by exporting shapes like these (bench/RESULTS.md, "Fifteenth
session"): a paragraph of Italian prose without line breaks (sentencex's rules for some
languages split all the text before each full stop), Chinese without spaces, a sentence of
thousands of quotations or names, a text of thousands of dates or of quotations, an article
of thousands of people named again by their surnames. 1.6 MB of such text took 4-66 s; now
under 1.5 s.

This guards the growth of the work, not speed: the ratio, measured in CPU time (not wall
time) of one worker thread, is a property of the code whatever the machine (benchmarks,
`scripts/bench.py`, measure speed).
"""
import resource
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, export_bin

BASE_BYTES = 300_000
GROWTH = 4
# Measured 3.4-4.2 for these shapes (debug and release builds); 8.6-15 before the quadratic
# steps were mended.
MAX_RATIO = 7.0


def prose(sentence, size: int) -> str:
    """A title, then one paragraph of `sentence(i)` until `size` bytes."""
    parts, total, i = [], 0, 0
    while total < size:
        s = sentence(i)
        parts.append(s)
        total += len(s.encode())
        i += 1
    return "Title of the article\n\n" + "".join(parts)


FIRST = ["Mario", "Giulia", "Luca", "Anna", "Marco", "Sara"]
LAST = ["Rossi", "Bianchi", "Romano", "Greco", "Conti", "Ricci"]

SHAPES = {
    "italian_paragraph": lambda i: (
        f"Il ministro {FIRST[i % 6]} {LAST[i % 5]} ha detto che il governo approverà "
        f"la legge numero {i} entro marzo. "),
    "chinese_paragraph": lambda i: f"国家主席表示，政府将在三月通过第{i}号法律。",
    "dates_paragraph": lambda i: (
        f"On 12 March 2024, 3/4/2023 and Monday, {i % 28 + 1} May 2020 it rained. "),
    "names_without_full_stops": lambda i: (
        f"the Ministry of Finance{i % 30} and the United Nations and Bank Indonesia "),
    "quotations_in_one_sentence": lambda i: f'"Quote {i} continues and ',
    "people_named_again_by_surname": lambda i: (
        f"Minister Budi Santoso{i} spoke. Santoso{i} said prices rose.\n"),
    "quotations_sentence_after_sentence": lambda i: (
        f'"Item {i} is ours," he said. '),
}


def cpu_seconds(text: str, tmp: Path) -> float:
    """CPU time (user + system) of a one-thread export of `text` as one article."""
    inputs = tmp / "in"
    inputs.mkdir(parents=True, exist_ok=True)
    (inputs / "a.txt").write_text(text, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [str(export_bin()), "--input", str(inputs), "--output", str(tmp / "out"),
         "--threads", "1", "--quiet"],
        cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stderr
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@pytest.fixture(scope="module")
def start_up(tmp_path_factory) -> float:
    """CPU time of an export of one short article: what every run costs before the text."""
    tmp = tmp_path_factory.mktemp("start")
    return min(cpu_seconds("Title\n\nOne short sentence of text.\n", tmp / str(k))
               for k in range(2))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_linearly_with_the_text(shape, start_up, tmp_path):
    small = cpu_seconds(prose(SHAPES[shape], BASE_BYTES), tmp_path / "small")
    large = cpu_seconds(prose(SHAPES[shape], GROWTH * BASE_BYTES), tmp_path / "large")
    ratio = (large - start_up) / max(small - start_up, 0.05)
    assert ratio < MAX_RATIO, (
        f"{shape}: {GROWTH}x the text took {ratio:.1f}x the CPU time "
        f"({small:.2f} s -> {large:.2f} s, start-up {start_up:.2f} s)")
