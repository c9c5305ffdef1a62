#!/usr/bin/env python3
"""How the work of one article grows with its length, shape by shape.

Each shape (a kind of text repeated into one article: prose of a language in one paragraph,
thousands of dates, quotations or names, lines of a list...) is exported at two sizes by
`export --threads 1`, and the CPU time of the larger over the smaller's is printed: about
the ratio of the sizes when the work is linear, its square when a step is quadratic. This is
how the quadratic steps of bench/RESULTS.md ("Fifteenth session") were found;
tests/test_growth.py exports seven of these shapes, with `article` and `cpu_seconds`, as a
test.

    python3 scripts/growth.py                       # every shape, 0.4 and 1.6 MB
    python3 scripts/growth.py --sizes 800000,3200000 dates names
    python3 scripts/growth.py --bin /path/to/export --list

An article over 4 MiB or 100,000 sentences is rejected (exit code 3 in the table), so the
larger size is best kept under those limits.
"""
import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = ["John", "Maria", "Ahmad", "Siti", "Budi", "Fatima", "Omar", "Li", "Anna", "Peter"]
LAST = ["Smith", "Widodo", "Rahman", "Hakim", "Santoso", "Chen", "Brown", "Haddad", "Putri"]


def person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


# Each shape: the text of its i-th piece (a random generator seeded per export).
SHAPES = {
    # Prose of one language, one paragraph (a crawl that lost its line breaks).
    "english": lambda i, r: f"{person(r)} said the government would pass law {i} in March. ",
    "indonesian": lambda i, r: (
        f"Menurut Menteri Keuangan Sri Mulyani, ekonomi tumbuh {i} persen pada tahun ini. "),
    "arabic": lambda i, r: f"قال الرئيس محمد {i} إن الخطة ستنجح في القاهرة. ",
    "italian": lambda i, r: (
        f"Il presidente Mario Rossi{i % 50} ha detto che il governo approverà la legge entro marzo. "),
    "french": lambda i, r: (
        f"Le président Jean Dupont{i % 50} a déclaré que le gouvernement adoptera la loi. "),
    "german": lambda i, r: f"Der Präsident Hans Müller{i % 50} sagte, die Regierung werde handeln. ",
    "spanish": lambda i, r: f"El presidente Juan García{i % 50} dijo que el gobierno aprobará la ley. ",
    "russian": lambda i, r: f"Президент Иван Петров{i % 50} заявил, что правительство примет закон. ",
    "kazakh": lambda i, r: f"Президент Қасым-Жомарт Тоқаев{i % 50} заң наурызда қабылданатынын айтты. ",
    "chinese": lambda i, r: f"国家主席习近平{i % 50}表示，政府将在三月通过该法律。",
    "japanese": lambda i, r: f"首相は{i % 50}日、政府が三月に法律を可決すると述べた。",
    "hindi": lambda i, r: f"राष्ट्रपति राम{i % 50} ने कहा कि सरकार मार्च में कानून पारित करेगी। ",
    # Many of one thing in a paragraph or a sentence.
    "names": lambda i, r: f"{person(r)}{i % 97} met {person(r)} in Jakarta. ",
    "names_no_full_stop": lambda i, r: (
        f"the Ministry of Finance{i % 30} and the United Nations and Bank Indonesia "),
    "dates": lambda i, r: f"On 12 March 2024, 3/4/2023 and Monday, {i % 28 + 1} May 2020 it rained. ",
    "quotes": lambda i, r: f'"We will act on item {i} now," {person(r)} said. ',
    "open_quotes": lambda i, r: f'"Quote {i} continues and ',
    "according_to": lambda i, r: (
        f'According to {person(r)}, the {i} plan failed, he said, adding that it was "bad". '),
    "said_commas": lambda i, r: f"{person(r)} said, ",
    "arabic_quotes": lambda i, r: f"وقال محمد{i % 40} «إن الخطة ستنجح» في القاهرة. ",
    "no_punctuation": lambda i, r: f"word{i % 50} and more text here ",
    "one_long_word": lambda i, r: "x" * 1000,
    "initials": lambda i, r: f"A. B. C. D. Smith {i} ",
    "urls": lambda i, r: f"https://example.com/path/{i}?q={i} ",
    # Many lines.
    "paragraphs": lambda i, r: f"JAKARTA (Reuters) - Item {i} happened today.\n\n",
    "teasers": lambda i, r: f"Baca juga: Berita {i} Terbaru Hari Ini\n",
    "surnames_again": lambda i, r: (
        f"Minister Budi Santoso{i} spoke. Santoso{i} said prices rose. He added more.\n"),
    "speakers": lambda i, r: (
        f'"Prices rose {i} times," said Ahmad Rahman{i}, a trader. Rahman{i} added: "We wait."\n'),
    "quotes_sentence_after_sentence": lambda i, r: f'"Item {i} is ours," he said. ',
    "acronyms": lambda i, r: f"The Organization Number Group{i} (ONG{i}) met. ONG{i} said it would act.\n",
    "countries": lambda i, r: "France, Germany, Japan, China, Indonesia and Egypt met in Cairo.\n",
    "table": lambda i, r: f"| {i} | {i * 2} | {i * 3} | total |\n",
    # One sentence of cues coordinated with an earlier verb, of appositives, of role phrases.
    "coordinated": lambda i, r: f"{person(r)} met officials {i} and said that the plan would work and ",
    "appositives": lambda i, r: f"{person(r)}, a spokesman for group {i}, said that prices rose, ",
    "roles": lambda i, r: f"the spokesman said that item {i} was ready and the Turkish minister said that ",
    # Indonesian given names standing for the person, with the rest of the name after them.
    "given_names": lambda i, r: (
        f"Menteri Budi Santoso{i} mengatakan bahwa harga naik. Budi Santoso{i} menambahkan, "
        f"harga akan turun, ujarnya.\n"),
    # Headers of links, each with a headline.
    "links_headers": lambda i, r: f"Related news\nHeadline number {i} of another story\n",
    # One sentence of bare clauses, of participles, of verb-first subjects with circumstances,
    # of organisations' heads before names, of possessives.
    "bare_clauses": lambda i, r: (
        f"{person(r)} told reporters winds reached {i} mph and officials said crews would "),
    "participles": lambda i, r: f"Bank Indonesia kept rate {i} unchanged, saying the decision was right, ",
    "arabic_vso": lambda i, r: f"وأضاف الرئيس المصري في تصريحات {i} أن الخطة ستنجح، وأشار إلى أن ",
    "org_heads": lambda i, r: (
        f"Direktur Utama Perum Bulog{i % 50} Bayu Krisnamurthi menyatakan pihaknya siap menyalurkan "),
    "possessives": lambda i, r: f"President {person(r)}’s office{i} and ",
    "asides": lambda i, r: f"{person(r)} said officials{i}, as members of group {i}, in ",
    # The article's outlet named again and again, attributions between commas before a
    # participle in one sentence, HTML character references.
    "outlet_mentions": lambda i, r: (
        ("Jakarta, CNN Indonesia --\n" if i == 0 else "")
        + f"Pejabat {i} mengatakan kepada CNN Indonesia bahwa harga naik, "),
    "medial_attributions": lambda i, r: (
        f"prices rose in market {i}, {person(r)} said, adding that costs fell, and "),
    "html_entities": lambda i, r: f"Johnson &amp; Johnson{i} said sales rose&nbsp;again &#8230; ",
    # One speaker phrase of thousands of names before a quotation or after "citing", and
    # thousands of closing brackets after a verb-first cue (each was searched per name or per
    # bracket; with the text around them in OPEN and CLOSE below).
    "names_before_quote": lambda i, r: "John Smith ",
    "names_after_citing": lambda i, r: "John Smith ",
    "brackets_after_cue": lambda i, r: " )",
    # Abbreviations defined in brackets, places that are a person's surname before reporting
    # verbs, Arabic nationalities after definite words, and speakers before whom they spoke
    # to, all in one paragraph or sentence.
    "bracketed_abbreviations": lambda i, r: f"Badan Pangan Nasional{i} (Bapanas) dan Kepala Bapanas {person(r)} hadir, ",
    "surname_places": lambda i, r: (
        ("Defense Secretary Lloyd Austin met them, " if i == 0 else "")
        + f"Austin added {i} and Mr. Austin said and flew to Austin, "),
    "nisba_names": lambda i, r: f"وقال المدرب البرتغالي جورجي جيسوس{i} لرويترز إن الفريق جاهز، ",
    # The twenty-fourth session's rules: quotations attributed with an appositive, outlets
    # and days around verb-first speakers, names with commas after "Menurut", long titles
    # before final cues, all in one paragraph or sentence.
    "quote_appositives": lambda i, r: f'"We will act on item {i}," {person(r)}, a spokesman for group {i}, said, and ',
    "outlet_addressees": lambda i, r: f"قالت مصادر مطلعة لرويترز يوم الثلاثاء {i} إن الخطة ستنجح، ",
    "listed_fields": lambda i, r: f"Menurut Badan Meteorologi{i}, Klimatologi, dan Geofisika (BMKG), ",
    "long_titles_final": lambda i, r: (
        f"item {i} is ready, Coordinating Minister for Maritime Affairs and Investment {person(r)} stated, and "),
    # The twenty-fifth session's rules: regions before a one-word name where the article
    # writes them as places, names between commas after a role, relative clauses in speakers,
    # subjects fronted between "كان" and "قد".
    "regional_places": lambda i, r: f"Kepala BPBD Sidoarjo Dwijo{i} Prawito mengatakan di Sidoarjo air surut, ",
    "role_comma_names": lambda i, r: f"Seorang petani, Ujang{i}, 54, menyebut sawahnya rusak, ",
    "relative_speakers": lambda i, r: f"item {i} is ready, two officials who declined to be named said, and ",
    "fronted_subjects": lambda i, r: f"وكانت البعثة {i} قد حذرت من أن الأزمة تتفاقم، ",
    # Twenty-sixth session: asides after a speaker (degrees), interposed attributions, Arab
    # names with particles, homographs among countries.
    "degree_asides": lambda i, r: f"Kuasa hukum, Dedi{i} Harahap, S.H., M.H., mengatakan kasus itu selesai, ",
    "interposed_cues": lambda i, r: f"Warga{i}, kata Wahyu, berencana mengaktifkan ronda malam dan ",
    "arab_particles": lambda i, r: f"Saeed Mohammed bin Hamad Al Mansouri{i}, the director, said item {i} was ready, ",
    "homograph_lists": lambda i, r: f"وقال الوزير الأردني إن قادة قطر وعمان {i} اجتمعوا في عمان، ",
    # Twenty-seventh session: subjects before an Arabic verb past an aside, relative clauses'
    # antecedents, verbs of saying coordinated without a comma.
    "fronted_asides": lambda i, r: f"المشجع محمد {i}، الذي قطع المسافة، قال إن الفريق فاز، ",
    "relative_chains": lambda i, r: (
        f"according to a spokesman for the state fire service {i}, who said the fire was out, "
    ),
    "coordinated_cues": lambda i, r: f"إن الحكومة تعمل على خطة {i} وأشار إلى أن الخطة جاهزة و",
}

# Text before and after the pieces, for shapes that are one long phrase.
OPEN = {
    "names_after_citing": "The economy will grow fast next year, the ministry said citing ",
    "brackets_after_cue": "قال الوزير",
}
CLOSE = {
    "names_before_quote": 'said: "we will win the war today."\n',
    "names_after_citing": ".\n",
    "brackets_after_cue": " إن الوضع خطير جدا في البلاد.\n",
}


def article(shape: str, size: int) -> str:
    r = random.Random(7)
    parts, total, i = [], 0, 0
    while total < size:
        piece = SHAPES[shape](i, r)
        parts.append(piece)
        total += len(piece.encode())
        i += 1
    return ("Title of the article\n\n" + OPEN.get(shape, "") + "".join(parts)
            + CLOSE.get(shape, ""))


def cpu_seconds(binary: Path, text: str, work: Path) -> tuple[float, subprocess.CompletedProcess]:
    """CPU time (user + system) of a one-thread export of `text` as one article in `work`,
    and the finished process (exit code, stderr)."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "in").mkdir(parents=True)
    (work / "in" / "a.txt").write_text(text, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([str(binary), "--input", str(work / "in"), "--output", str(work / "out"),
                           "--threads", "1", "--quiet"], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, done


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shapes", nargs="*", help="shapes to run (default: all)")
    ap.add_argument("--bin", type=Path, default=ROOT / "target" / "release" / "export")
    ap.add_argument("--sizes", default="400000,1600000", help="two sizes in bytes")
    ap.add_argument("--list", action="store_true", help="list the shapes")
    args = ap.parse_args()
    if args.list:
        print("\n".join(SHAPES))
        return 0
    unknown = [s for s in args.shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes {unknown}; --list lists them")
    small, large = (int(x) for x in args.sizes.split(","))
    if not args.bin.exists():
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "export"], cwd=ROOT, check=True)
    print(f"| shape | CPU s at {small:,} B | exit | CPU s at {large:,} B | exit | ratio |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes or SHAPES:
            a, ra = cpu_seconds(args.bin, article(shape, small), Path(tmp) / "a")
            b, rb = cpu_seconds(args.bin, article(shape, large), Path(tmp) / "b")
            print(f"| {shape} | {a:.2f} | {ra.returncode} | {b:.2f} | {rb.returncode} "
                  f"| {b / max(a, 1e-3):.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
