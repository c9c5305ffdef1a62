//! Per-language cue lexicons, compiled in from `datasets/lexicons/claims/*.tsv`.
//!
//! The format is described in `datasets/lexicons/claims/README.md`. Adding a language means
//! adding a data file and one entry in [`SOURCES`]; the labelers themselves know no words.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use records::EntityType;

pub use crate::entities::Gender;

/// The data files, by ISO 639-1 code.
const SOURCES: &[(&str, &str)] = &[
    (
        "en",
        include_str!("../../../../datasets/lexicons/claims/en.tsv"),
    ),
    (
        "id",
        include_str!("../../../../datasets/lexicons/claims/id.tsv"),
    ),
    (
        "ar",
        include_str!("../../../../datasets/lexicons/claims/ar.tsv"),
    ),
];

/// The dates labeller's word list, of which the claims read the times of day.
const DATES: &str = include_str!("../../../../datasets/label/dates.tsv");

/// A reporting cue: a verb or a light-verb phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Normalised words.
    pub words: Vec<String>,
    /// Takes the speaker of the main clause ("noting", "مضيفا").
    pub participle: bool,
    /// A verbal-noun complement after this preposition is a claim ("دعا إلى").
    pub masdar: Option<String>,
    /// May stand after its content ("..., Y said").
    pub final_: bool,
    /// At the end, stands before its speaker ("..., kata Xi").
    pub inverted: bool,
    /// May take a clause without a complementizer ("said the economy would grow").
    pub bare: bool,
    /// Takes an object before its clause: a name or one word ("told reporters the state
    /// had ...", "told Al Jazeera the ...").
    pub object: bool,
    /// The speaker is a pronoun inside the cue ("ujarnya": "he said"): the last person named.
    pub pronoun: bool,
    /// The speaker is the phrase after this preposition before the cue ("نقلت رويترز عن
    /// مصادر مطلعة قولها إن": the sources, not the outlet that reports them).
    pub source: Option<String>,
    /// The speaker is the phrase after this preposition after the cue, the words before it
    /// being who relays them ("نقلت صحيفة يديعوت أحرونوت عن مسؤول أمني أن": the official).
    pub relay: Option<String>,
    /// Takes a noun phrase as often as a clause ("denied the charges and was remanded"): with
    /// `bare`, a clause must show its verb before a conjunction or a relative pronoun, and the
    /// cue's participle used as an adjective ("confirmed cases", "an estimated 10,000") takes
    /// none.
    pub transitive: bool,
    /// The gender its form agrees with ("قالت": a woman or a feminine noun), from the
    /// `gender` affix pairs: a dropped subject agrees with it.
    pub gender: Option<Gender>,
}

/// Which side of the cue the speaker usually stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectSide {
    Before,
    After,
}

/// Phrases with an entity type: pronouns and joint phrases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub words: Vec<String>,
    /// `PERSON`, `GPE`, or `None` for `GROUP` (the speaker's country).
    pub label: Option<EntityType>,
    /// A pronoun's gender (option `male` or `female`: "he", "she").
    pub gender: Option<Gender>,
}

/// One language's lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub lang: &'static str,
    pub subject: SubjectSide,
    /// Whether a role noun heads its phrase (`config role head`, English): it ends the
    /// phrase or a `role_link` follows it ("the Chairman of ..."); "official figures" names no
    /// official.
    pub role_heads: bool,
    /// Whether a comma right after a `bare` cue stands for its complementizer before any
    /// clause (`config comma complementizer`, Indonesian: "Liliek menyebutkan, hingga hari ini
    /// tercatat 35 jamaah wafat"), not only before one whose verb shows.
    pub comma_complementizer: bool,
    /// Words after a heading role noun that go on with its phrase ("of", "for", "at").
    pub role_links: Vec<String>,
    /// The word before a participle cue whose speaker is the person named in the phrase
    /// before it ("as" in "quoted X as saying", "X was quoted as saying").
    pub as_saying: Vec<String>,
    pub cues: Vec<Cue>,
    pub comps: Vec<Vec<String>>,
    pub passives: Vec<Vec<String>>,
    pub passive_cues: Vec<Vec<String>>,
    /// "according to" phrases; `true` when the last word is a prefix glued to the speaker.
    pub according: Vec<(Vec<String>, bool)>,
    /// "according to" with the speaker as a pronoun inside it ("Menurutnya,"): option
    /// `pronoun` of an `according` entry.
    pub according_pronouns: Vec<Vec<String>>,
    /// "according to" phrases only where they open a sentence or follow its connective
    /// (option `opening`: "Kata Yuliana, pihaknya ..."), being a verb that stands after its
    /// content elsewhere ("..., kata Budi"), which other labelers read.
    pub according_openers: Vec<Vec<String>>,
    pub cites: Vec<Vec<String>>,
    pub pronouns: Vec<Typed>,
    pub joints: Vec<Typed>,
    pub roles: Vec<Vec<String>>,
    /// Roles that refer only to a person named with the role before ("the spokesperson"),
    /// never to whoever was mentioned last.
    pub named_roles: Vec<Vec<String>>,
    /// Roles that refer only to a person named with this role (or its `same=` role) before
    /// ("the judge" after "Justice Kalaiselvi"), else to someone unnamed: an office of its own,
    /// not pooled like the `named` ones.
    pub own_roles: Vec<Vec<String>>,
    /// A role and the role its holder is named with ("the Head of State": the president).
    pub role_aliases: Vec<(Vec<String>, Vec<String>)>,
    /// Determiners that make a role phrase indefinite ("a U.S. official"): a new person.
    pub indefinites: Vec<String>,
    pub determiners: Vec<String>,
    pub adverbs: Vec<Vec<String>>,
    pub stops: Vec<String>,
    pub blocks: Vec<String>,
    /// Nouns of feeling after a verbal-noun cue's preposition ("أعرب عن شكره", "expressed
    /// his thanks"): a noun phrase, no claim. Matched with a possessive suffix or none.
    pub feelings: Vec<String>,
    pub negations: Vec<String>,
    /// Conjunctions glued to the next word (Arabic و), stripped before matching a cue.
    pub clitics: Vec<String>,
    /// Coordinating conjunctions ("and"), which with a `stop` verb end a content.
    pub conjs: Vec<String>,
    /// Relative pronouns, dropped before a speaker ("which he said").
    pub relatives: Vec<String>,
    /// A participle with the word before its agent ("interviewed by"): an entity after them in
    /// a subject did something to the speaker ("Experts interviewed by the Global Times").
    pub agents: Vec<Vec<String>>,
    /// Words right before a cue that make it an intention, not a saying ("wants to ensure",
    /// "Kami ingin memastikan").
    pub intents: Vec<String>,
    /// Words of degree before an adjective: a cue's form after one is an adjective, no saying
    /// ("kebutuhan paling mendesak").
    pub degrees: Vec<String>,
    /// Quantifiers that open a noun phrase of a number ("as many as", "more than"): no
    /// circumstance at a bare clause's start.
    pub quantifiers: Vec<Vec<String>>,
    /// Verbs of asking whose object stands between them and a cue ("meminta pemerintah
    /// memastikan ...": a request that the government ensure, not a saying).
    pub requests: Vec<String>,
    /// Endings of participles that open an aside after a subject ("ing": "Harris, speaking in
    /// Augusta, Georgia, said").
    pub aside_suffixes: Vec<String>,
    /// Personal pronouns that open a clause as its subject ("said they expect ..."): a
    /// `bare` cue's clause needs no other sign of a verb.
    pub subject_pronouns: Vec<String>,
    /// Nouns of a day or a time of day before a date ("يوم الثلاثاء", "مساء الأحد"): with
    /// the date, circumstances that end a verb-first subject or stand before it. Read from
    /// the dates labeller's list (`time_of_day` in `datasets/label/dates.tsv`), which leads
    /// weekdays with them: one list for both.
    pub time_nouns: Vec<String>,
    /// Copulas, after which a cue's participle is an adjective ("the sector remains
    /// stressed", "it was confirmed"): no attribution at a sentence's end.
    pub copulas: Vec<String>,
    /// Discourse connectives that open a sentence before a comma ("Meanwhile,", "Sementara
    /// itu,", "من جهته،"): the narrator's, no part of a content.
    pub connectives: Vec<Vec<String>>,
    /// Words that open a clause before its fronted subject in a verb-first language ("أما",
    /// "لكن": "أما الطبيبة رنا الشوا فتقول إن").
    pub topics: Vec<Vec<String>>,
    /// Words that open a speaker phrase and are no part of it ("with residents saying").
    pub openers: Vec<String>,
    /// Words before a role that make it another office ("Wakil Ketua", "deputy minister").
    pub deputies: Vec<String>,
    /// Verbs of saying the narrator coordinates after a comma ("، وأشارت إلى أن").
    pub coordinated: Vec<String>,
    /// Words that open the narrator's own clause after a comma ("، نافيا صحة التقارير", "،
    /// وهو ما نفاه", "، دون أن يحدد"): a content ends before them.
    pub narrator_clauses: Vec<Vec<String>>,
    /// Prepositions with a pronoun glued, after a verb-first cue ("قال فيه إن", "وقال لي إن"):
    /// no subject.
    pub prep_pronouns: Vec<String>,
    /// Pronouns that open a circumstantial clause after a verb-first cue ("وأضافت وهي تغالب
    /// دموعها"): no subject.
    pub circumstantials: Vec<String>,
    /// Verbs of saying after "and"/"but" that stop a content only before their own
    /// complementizer ("but insisted that").
    pub stops_before_clause: Vec<String>,
    /// Verbs of reporting after "ما" in an "according to" phrase ("بحسب ما أفاد به").
    pub relative_verbs: Vec<String>,
    /// Words that open an aside after a relayed source's comma ("عن المسؤول، الذي ...، قوله").
    pub asides: Vec<String>,
    /// Words of contrast that open a clause after a comma ("، في حين", "، فيما"): the
    /// narrator's where the clause has a cue of its own, so a content ends before them.
    pub contrasts: Vec<Vec<String>>,
    /// Auxiliaries and finite-verb markers that show a clause ("would", "akan").
    pub auxes: Vec<String>,
    /// Predicates and adverbs before one that show a clause as `auxes` do, but not after a
    /// relative pronoun, where they are a relative clause's ("timnya kalah"; not "nama-nama
    /// yang hilang").
    pub predicates: Vec<String>,
    /// Affixes of finite verbs that show a clause after its subject, as (prefix, suffix)
    /// ("reached": `ed`; "ditargetkan": `di*kan`), never right after a determiner ("the
    /// revised figures").
    pub finite_affixes: Vec<(String, String)>,
    /// Affixes of a finite verb right after a name, perhaps with an adverb in "-ly" between
    /// ("China stands ready", "Indonesia firmly adheres": `s`; "Jepang mendukung": `me*`),
    /// where elsewhere nouns have them too (plurals; "menteri").
    pub finite_after_name: Vec<(String, String)>,
    /// Words with a finite verb's affixes that are no verbs ("direktur", "terhadap").
    pub not_finite: Vec<String>,
    /// Demonstratives after their noun ("target itu"): a `finite_after_name` affix right
    /// after one is a verb's.
    pub demonstratives: Vec<String>,
    /// Words that open an adverbial clause ("saat", "ketika"): a verb after one is not the
    /// content's.
    pub subordinators: Vec<String>,
    /// Forms of "to be" that open a subject set before its verb ("وكانت البعثة قد حذرت").
    pub fronting_verbs: Vec<String>,
    /// The particle between such a subject and its verb ("قد").
    pub perfect_particles: Vec<String>,
    /// Prepositions, which open circumstances, not a clause, after a bare cue ("said in").
    pub prepositions: Vec<String>,
    /// Prepositions glued to the next word, with its article (Arabic "لل" in "للصحافيين"):
    /// `preposition` entries with a trailing `-`.
    pub preposition_prefixes: Vec<String>,
    /// Words for people with a gender, which say the gender of the person named after them
    /// ("السيدة", "الوزيرة", "mrs"): `gendered` entries, and the `role` words that a `gender`
    /// affix pair makes masculine or feminine.
    pub word_genders: HashMap<String, Gender>,
    /// Nouns of people in general ("analysts", "warga", "محللون", "مصادر"), which speak in a
    /// headline ("محللون: ...", "Pedagang: ...") though they name no one.
    pub people: Vec<String>,
    /// Nouns of a person (first words: "striker", "ibu" of "ibu rumah tangga") that, heading a
    /// phrase a demonstrative closes, point back to the person named before ("kata striker
    /// asal Brasil itu", "Ibu rumah tangga asal Sidoarjo itu menyebut"), not to the place or
    /// body the phrase names.
    pub person_nouns: Vec<String>,
    /// Words after a person noun that say the person goes unnamed ("warga yang enggan
    /// disebut namanya", "a resident who declined to be named"), normalised and joined by
    /// spaces: a phrase pointing back with that noun is about that one, no one named before.
    pub unnamed_after: Vec<String>,
    /// The suffix of an age as a word ("-year-old" of "the 46-year-old"): with a determiner,
    /// a person named with that age before.
    pub age_suffixes: Vec<String>,
    /// Words that open a name and give its bearer's gender ("أم عبدالله": a woman), but
    /// elsewhere are a place's ("أم القيوين"): read only as a name's first word.
    pub kunyas: Vec<(String, Gender)>,
    /// Object pronouns glued to a word, with their gender ("عنه": from him).
    pub pronoun_suffixes: Vec<(String, Gender)>,
    /// Indices into `cues` by first word, longest cue first.
    /// Looked up for every token: a fast hash (nothing iterates it).
    pub cues_by_first: foldhash::HashMap<String, Vec<usize>>,
}

impl Lexicon {
    /// Parses one data file. Unknown kinds and malformed lines are skipped: the data files
    /// are checked by this crate's tests.
    pub fn parse(lang: &'static str, data: &str) -> Lexicon {
        let mut gender_pairs = Vec::new();
        let mut lx = Lexicon {
            lang,
            subject: SubjectSide::Before,
            role_heads: false,
            comma_complementizer: false,
            role_links: vec![],
            as_saying: vec![],
            cues: vec![],
            comps: vec![],
            passives: vec![],
            passive_cues: vec![],
            according: vec![],
            according_pronouns: vec![],
            according_openers: vec![],
            cites: vec![],
            pronouns: vec![],
            joints: vec![],
            roles: vec![],
            named_roles: vec![],
            own_roles: vec![],
            role_aliases: vec![],
            indefinites: vec![],
            determiners: vec![],
            adverbs: vec![],
            stops: vec![],
            blocks: vec![],
            feelings: vec![],
            negations: vec![],
            clitics: vec![],
            conjs: vec![],
            relatives: vec![],
            agents: vec![],
            intents: vec![],
            requests: vec![],
            degrees: vec![],
            quantifiers: vec![],
            aside_suffixes: vec![],
            subject_pronouns: vec![],
            time_nouns: vec![],
            copulas: vec![],
            connectives: vec![],
            topics: vec![],
            openers: vec![],
            deputies: vec![],
            coordinated: vec![],
            narrator_clauses: vec![],
            contrasts: vec![],
            relative_verbs: vec![],
            stops_before_clause: vec![],
            prep_pronouns: vec![],
            circumstantials: vec![],
            asides: vec![],
            auxes: vec![],
            predicates: vec![],
            finite_affixes: vec![],
            finite_after_name: vec![],
            not_finite: vec![],
            demonstratives: vec![],
            subordinators: vec![],
            fronting_verbs: vec![],
            perfect_particles: vec![],
            prepositions: vec![],
            preposition_prefixes: vec![],
            word_genders: HashMap::new(),
            pronoun_suffixes: vec![],
            kunyas: vec![],
            people: vec![],
            person_nouns: vec![],
            unnamed_after: vec![],
            age_suffixes: vec![],
            cues_by_first: Default::default(),
        };
        for line in data.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(kind), Some(phrase)) = (fields.next(), fields.next()) else {
                continue;
            };
            let options: Vec<&str> = fields.flat_map(|f| f.split_whitespace()).collect();
            // Affixes, which may be a bare `*` that splitting into words would drop.
            if kind == "gender" {
                if let Some(feminine) = options.first() {
                    gender_pairs.push((affix(phrase), affix(feminine)));
                }
                continue;
            }
            // A suffix, which splitting into words would take apart.
            if kind == "age_suffix" {
                lx.age_suffixes.push(normalize(phrase));
                continue;
            }
            let words = words_of(phrase);
            if words.is_empty() {
                continue;
            }
            let label = || match options.first().copied() {
                Some("GROUP") | None => None,
                Some(t) => EntityType::parse(t),
            };
            match kind {
                "config" if phrase == "subject" && options.first() == Some(&"after") => {
                    lx.subject = SubjectSide::After;
                }
                "config" if phrase == "role" && options.first() == Some(&"head") => {
                    lx.role_heads = true;
                }
                "config" if phrase == "comma" && options.first() == Some(&"complementizer") => {
                    lx.comma_complementizer = true;
                }
                "role_link" => lx.role_links.extend(words),
                "as_saying" => lx.as_saying.extend(words),
                "cue" => lx.cues.push(Cue {
                    words,
                    participle: options.contains(&"participle"),
                    masdar: options
                        .iter()
                        .find_map(|o| o.strip_prefix("masdar="))
                        .map(normalize),
                    final_: options.contains(&"final"),
                    inverted: options.contains(&"inverted"),
                    bare: options.contains(&"bare"),
                    object: options.contains(&"object"),
                    pronoun: options.contains(&"pronoun"),
                    source: options
                        .iter()
                        .find_map(|o| o.strip_prefix("source="))
                        .map(normalize),
                    gender: None,
                    transitive: options.contains(&"transitive"),
                    relay: options
                        .iter()
                        .find_map(|o| o.strip_prefix("relay="))
                        .map(normalize),
                }),
                "comp" => lx.comps.push(words),
                "passive" => lx.passives.push(words),
                "passive_cue" => lx.passive_cues.push(words),
                "according" if options.contains(&"pronoun") => lx.according_pronouns.push(words),
                "according" if options.contains(&"opening") => lx.according_openers.push(words),
                "according" => {
                    let glued = phrase.trim_end().ends_with('-');
                    let words = words_of(phrase.trim_end().trim_end_matches('-'));
                    lx.according.push((words, glued));
                }
                "cite" => lx.cites.push(words),
                "pronoun" => lx.pronouns.push(Typed {
                    words,
                    label: label(),
                    gender: options.iter().find_map(|o| Gender::parse(o)),
                }),
                "joint" => lx.joints.push(Typed {
                    words,
                    label: label(),
                    gender: None,
                }),
                "people" => lx.people.extend(words),
                "person_noun" => lx.person_nouns.extend(words),
                "unnamed_after" => lx.unnamed_after.push(words.join(" ")),
                "pronoun_suffix" | "kunya" => {
                    if let (Some(g), [word]) = (
                        options.iter().find_map(|o| Gender::parse(o)),
                        words.as_slice(),
                    ) {
                        let list = if kind == "kunya" {
                            &mut lx.kunyas
                        } else {
                            &mut lx.pronoun_suffixes
                        };
                        list.push((word.clone(), g));
                    }
                }
                "gendered" => {
                    if let (Some(g), [word]) = (
                        options.iter().find_map(|o| Gender::parse(o)),
                        words.as_slice(),
                    ) {
                        lx.word_genders.insert(word.clone(), g);
                    }
                }
                "role" => {
                    if options.contains(&"named") {
                        lx.named_roles.push(words.clone());
                    }
                    if options.contains(&"own") {
                        lx.own_roles.push(words.clone());
                    }
                    if let Some(alias) = options.iter().find_map(|o| o.strip_prefix("same=")) {
                        lx.role_aliases
                            .push((words.clone(), words_of(&alias.replace('_', " "))));
                    }
                    lx.roles.push(words);
                }
                "determiner" => {
                    if options.contains(&"indefinite") {
                        lx.indefinites.extend(words.iter().cloned());
                    }
                    lx.determiners.extend(words);
                }
                "adverb" => lx.adverbs.push(words),
                "stop" => lx.stops.extend(words),
                "block" => lx.blocks.extend(words),
                "feeling" => lx.feelings.extend(words),
                "negation" => lx.negations.extend(words),
                "clitic" => lx.clitics.extend(words),
                "conj" => lx.conjs.extend(words),
                "relative" => lx.relatives.extend(words),
                "agent" => lx.agents.push(words),
                "intent" => lx.intents.extend(words),
                "degree" => lx.degrees.extend(words),
                "quantifier" => lx.quantifiers.push(words),
                "request" => lx.requests.extend(words),
                "aside_suffix" => lx.aside_suffixes.extend(words),
                "subject_pronoun" => lx.subject_pronouns.extend(words),
                "copula" => lx.copulas.extend(words),
                "connective" => lx.connectives.push(words),
                "topic" => lx.topics.push(words),
                "opener" => lx.openers.extend(words),
                "deputy" => lx.deputies.extend(words),
                "coordinated" => lx.coordinated.extend(words),
                "narrator" => lx.narrator_clauses.push(words),
                "contrast" => lx.contrasts.push(words),
                "relative_verb" => lx.relative_verbs.extend(words),
                "stop_before_clause" => lx.stops_before_clause.extend(words),
                "prep_pronoun" => lx.prep_pronouns.extend(words),
                "circumstantial" => lx.circumstantials.extend(words),
                "aside" => lx.asides.extend(words),
                "aux" => lx.auxes.extend(words),
                "predicate" => lx.predicates.extend(words),
                // One word with a `*` in it, which splitting into words would cut.
                "finite_affix" => lx.finite_affixes.push(affix(phrase)),
                "finite_after_name" => lx.finite_after_name.push(affix(phrase)),
                "not_finite" => lx.not_finite.extend(words),
                "demonstrative" => lx.demonstratives.extend(words),
                "subordinator" => lx.subordinators.extend(words),
                "fronting_verb" => lx.fronting_verbs.extend(words),
                "perfect_particle" => lx.perfect_particles.extend(words),
                "preposition" => match phrase.trim_end().strip_suffix('-') {
                    Some(prefix) => lx.preposition_prefixes.extend(words_of(prefix)),
                    None => lx.prepositions.extend(words),
                },
                _ => {}
            }
        }
        lx.time_nouns = DATES
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let (row_lang, kind, phrase) = (fields.next()?, fields.next()?, fields.next()?);
                (row_lang == lang && kind == "time_of_day").then(|| words_of(phrase))
            })
            .flatten()
            .collect();
        lx.assign_genders(&gender_pairs);
        // Longest phrases first, so that "pointed out" wins over a shorter entry.
        lx.cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        for list in [
            &mut lx.comps,
            &mut lx.passives,
            &mut lx.passive_cues,
            &mut lx.cites,
            &mut lx.roles,
            &mut lx.adverbs,
        ] {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        for (i, c) in lx.cues.iter().enumerate() {
            lx.cues_by_first
                .entry(c.words[0].clone())
                .or_default()
                .push(i);
        }
        lx.according.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        lx.joints.sort_by_key(|j| std::cmp::Reverse(j.words.len()));
        lx
    }

    /// Genders of the cues' and roles' first words by `pairs` of (masculine, feminine)
    /// affixes: a word is masculine where its feminine form is in the lexicon too, and that
    /// form feminine ("قال"/"قالت", "يقول"/"تقول", "المتحدث"/"المتحدثة"). Both forms must be
    /// listed, so that a word that merely ends like a feminine one ("صمت") gets none.
    fn assign_genders(&mut self, pairs: &[(Affix, Affix)]) {
        let words: std::collections::HashSet<&str> = self
            .cues
            .iter()
            .map(|c| c.words[0].as_str())
            .chain(self.roles.iter().map(|r| r[0].as_str()))
            .collect();
        // A word both forms would make masculine and feminine gets neither.
        let mut found: std::collections::BTreeMap<String, Option<Gender>> = Default::default();
        let mut add = |word: String, gender: Gender| {
            let seen = found.entry(word).or_insert(Some(gender));
            if *seen != Some(gender) {
                *seen = None;
            }
        };
        for &word in &words {
            for ((mp, ms), (fp, fs)) in pairs {
                let Some(stem) = word
                    .strip_prefix(mp.as_str())
                    .and_then(|w| w.strip_suffix(ms.as_str()))
                else {
                    continue;
                };
                if stem.chars().count() < 2 {
                    continue;
                }
                let feminine = format!("{fp}{stem}{fs}");
                if feminine != word && words.contains(feminine.as_str()) {
                    add(word.to_string(), Gender::Male);
                    add(feminine, Gender::Female);
                }
            }
        }
        for c in &mut self.cues {
            c.gender = found.get(&c.words[0]).copied().flatten();
        }
        // Roles are words for people; a cue's form says nothing of a noun after it.
        for role in &self.roles {
            if let Some(Some(gender)) = found.get(&role[0]) {
                // A gender the data gives outright stands.
                self.word_genders.entry(role[0].clone()).or_insert(*gender);
            }
        }
    }

    /// The lexicon of a language code (`en`, `id`, `ar`; a region suffix is ignored).
    pub fn get(lang: &str) -> Option<&'static Lexicon> {
        static ALL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            SOURCES
                .iter()
                .map(|&(lang, data)| (lang, Lexicon::parse(lang, data)))
                .collect()
        });
        let code = lang.split(['-', '_']).next().unwrap_or(lang);
        all.get(code.to_ascii_lowercase().as_str())
    }

    /// The languages that have a lexicon.
    pub fn languages() -> impl Iterator<Item = &'static str> {
        SOURCES.iter().map(|&(lang, _)| lang)
    }
}

/// Normalised words of a phrase, split like sentence tokens.
pub fn words_of(phrase: &str) -> Vec<String> {
    super::doc::tokenize(phrase)
        .into_iter()
        .map(|(s, e)| normalize(&phrase[s..e]))
        .collect()
}

/// [`normalize`], borrowing the word when it is already normal (most words of a text), so
/// that each token does not allocate.
pub fn normalize_cow(word: &str) -> Cow<'_, str> {
    let normal = |c: char| {
        !matches!(
            c,
            '\u{064B}'
                ..='\u{065F}'
                    | '\u{0670}'
                    | '\u{0640}'
                    | 'أ'
                    | 'إ'
                    | 'آ'
                    | 'ٱ'
                    | 'ى'
                    | '\u{2019}'
                    | '\u{2018}'
        ) && (parse::chars::is_caseless_arabic(c) || {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
    };
    let already = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().all(normal)
    };
    if already {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(normalize(word))
    }
}

/// A (prefix, suffix) pair of an affix entry.
type Affix = (String, String);

/// An affix entry, `prefix*suffix` or a suffix alone ("ed"), normalised.
fn affix(phrase: &str) -> Affix {
    let affix = normalize(phrase.trim());
    match affix.split_once('*') {
        Some((prefix, suffix)) => (prefix.to_string(), suffix.to_string()),
        None => (String::new(), affix),
    }
}

/// Whether `word` has one of `affixes` and three letters or more besides.
pub fn has_affix(affixes: &[(String, String)], word: &str) -> bool {
    affixes
        .iter()
        .any(|(prefix, suffix)| fits_affix(prefix, suffix, word))
}

/// Whether `word` has the affix `prefix*suffix` and three letters or more besides.
pub fn fits_affix(prefix: &str, suffix: &str, word: &str) -> bool {
    word.len() >= prefix.len() + suffix.len() + 3
        && word.starts_with(prefix)
        && word.ends_with(suffix)
}

/// Lowercase; Arabic without diacritics and tatweel, with bare alef and dotless ya as ya;
/// typographic apostrophes as ASCII.
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        // Only the case of ASCII letters changes.
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Possessive suffixes of Arabic nouns, normalised ("شكره", "شكرها", "شكرهم").
const AR_POSSESSIVES: [&str; 8] = ["", "ه", "ها", "هم", "هما", "نا", "ي", "كم"];

impl Lexicon {
    /// Whether a normalised token is one of the `feeling` nouns, alone or with a possessive.
    pub fn is_feeling(&self, norm: &str) -> bool {
        self.feelings.iter().any(|f| {
            norm.strip_prefix(f.as_str())
                .is_some_and(|rest| AR_POSSESSIVES.contains(&rest))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finite_affixes_are_read_whole() {
        let id = Lexicon::get("id").unwrap();
        assert!(id.finite_affixes.contains(&("di".into(), "kan".into())));
        assert!(id.finite_affixes.iter().all(|(p, _)| !p.is_empty()));
        let en = Lexicon::get("en").unwrap();
        assert_eq!(en.finite_affixes, vec![(String::new(), "ed".to_string())]);
        let parsed = Lexicon::parse("xx", "finite_affix\tme*kan\nfinite_affix\ted\n");
        assert_eq!(
            parsed.finite_affixes,
            vec![("me".into(), "kan".into()), (String::new(), "ed".into())]
        );
    }

    #[test]
    fn genders_come_from_pairs_of_listed_forms() {
        let parsed = Lexicon::parse(
            "xx",
            "gender\t*\t*t\ngender\ty*\tt*\ncue\tsaid\ncue\tsaidt\ncue\tysay\ncue\ttsay\n\
             cue\ttalk\ncue\tsilent\nrole\tminister\nrole\tministert\n",
        );
        let gender = |w: &str| {
            let c = parsed.cues.iter().find(|c| c.words[0] == w).unwrap();
            c.gender
        };
        assert_eq!(gender("said"), Some(Gender::Male));
        assert_eq!(gender("saidt"), Some(Gender::Female));
        assert_eq!(gender("ysay"), Some(Gender::Male));
        assert_eq!(gender("tsay"), Some(Gender::Female));
        // "talk" opens like a feminine imperfect, "silent" ends like a feminine perfect: with
        // no other form listed, neither has a gender.
        assert_eq!(gender("talk"), None);
        assert_eq!(gender("silent"), None);
        assert_eq!(parsed.word_genders.get("ministert"), Some(&Gender::Female));
        // Cue forms are no words for people.
        assert_eq!(parsed.word_genders.get("saidt"), None);
        let ar = Lexicon::get("ar").unwrap();
        let of = |w: &str| {
            let w = normalize(w);
            ar.cues
                .iter()
                .find(|c| c.words == [w.clone()])
                .unwrap()
                .gender
        };
        for (w, g) in [
            ("قال", Gender::Male),
            ("قالت", Gender::Female),
            ("تابع", Gender::Male),
            ("تابعت", Gender::Female),
            ("يقول", Gender::Male),
            ("تقول", Gender::Female),
            ("مضيفا", Gender::Male),
            ("مضيفة", Gender::Female),
            ("رأى", Gender::Male),
            ("رأت", Gender::Female),
            ("دعا", Gender::Male),
            ("دعت", Gender::Female),
        ] {
            assert_eq!(of(w), Some(g), "{w}");
        }
        let en = Lexicon::get("en").unwrap();
        assert!(en.cues.iter().all(|c| c.gender.is_none()));
        assert_eq!(en.word_genders.get("mrs"), Some(&Gender::Female));
    }

    #[test]
    fn ascii_only_changes_case() {
        let ascii: String = (0..128u8).map(char::from).collect();
        let slow: String = ascii.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(normalize(&ascii), slow);
        assert_eq!(normalize("Xi’s «ﺃ» وأكد"), "xi's «ﺃ» واكد");
        for w in [
            "xi's",
            "Xi’s",
            "وأكد",
            "واكد",
            "«ﺃ»",
            "ǅemal",
            "straße",
            "İstanbul",
            "ΟΔΟΣ",
            "οδος",
        ] {
            assert_eq!(normalize_cow(w), normalize(w), "{w}");
        }
    }
}
