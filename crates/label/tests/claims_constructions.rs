//! One check per construction and language, on sentences of our own.

mod claims_support;

use claims_support::parse;
use label::claims::{find_claims, standard_claim_labelers};
use records::{Article, Claim, ClaimKind, Entity, EntityType, Mention};

/// Entities at every whole occurrence of each surface form.
fn entities(article: &Article, names: &[(&str, EntityType, &str)]) -> Vec<Entity> {
    let mut out = Vec::new();
    for (si, s) in article.sentences.iter().enumerate() {
        let text = &article.text[s.start..s.end];
        for &(surface, label, canonical) in names {
            for (at, _) in text.match_indices(surface) {
                let before = text[..at].chars().next_back();
                let after = text[at + surface.len()..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                out.push(Entity {
                    sentence: si,
                    start: at,
                    end: at + surface.len(),
                    label,
                    canonical_id: None,
                    canonical_name: Some(canonical.to_string()),
                    labelers: vec!["test".into()],
                    confidence: 1.0,
                });
            }
        }
    }
    out.sort_by_key(|e| (e.sentence, e.start));
    out
}

/// What a claim says, readably: (content, speaker canonical, cue text, kind).
type Seen = (String, Option<String>, Option<String>, ClaimKind);

fn check(lang: &str, text: &str, names: &[(&str, EntityType, &str)]) -> (Vec<Seen>, Vec<Claim>) {
    let article = parse(text, Some(lang));
    let ents = entities(&article, names);
    let claims = find_claims(&standard_claim_labelers(), &article, &ents, None);
    (seen_of(&article, &claims), claims)
}

/// What each claim says, readably.
fn seen_of(article: &Article, claims: &[Claim]) -> Vec<Seen> {
    claims
        .iter()
        .map(|c| {
            let s = &article.sentences[c.sentence];
            let st = &article.text[s.start..s.end];
            let cue = c.cue.as_ref().map(|m| mention_text(article, m).to_string());
            (
                st[c.start..c.end].to_string(),
                c.speaker.as_ref().and_then(|m| m.canonical_name.clone()),
                cue,
                c.kind,
            )
        })
        .collect()
}

/// The text of a mention (a speaker or a cue), which may stand in another sentence.
fn mention_text<'a>(article: &'a Article, m: &Mention) -> &'a str {
    let sentence = &article.sentences[m.sentence];
    &article.text[sentence.start + m.start..sentence.start + m.end]
}

/// The speakers' texts of `claims` found in `text`, each claim having one.
fn speaker_texts(lang: &str, text: &str, claims: &[Claim]) -> Vec<String> {
    let article = parse(text, Some(lang));
    claims
        .iter()
        .map(|c| mention_text(&article, c.speaker.as_ref().expect("a speaker")).to_string())
        .collect()
}

/// Each claim's content and speaker canonical.
fn contents_and_speakers(s: &[Seen]) -> Vec<(&str, Option<&str>)> {
    s.iter().map(|x| (x.0.as_str(), x.1.as_deref())).collect()
}

/// Each claim's content and cue text.
fn contents_and_cues(s: &[Seen]) -> Vec<(&str, &str)> {
    s.iter()
        .map(|x| (x.0.as_str(), x.2.as_deref().unwrap_or_default()))
        .collect()
}

fn seen(content: &str, speaker: Option<&str>, cue: Option<&str>, kind: ClaimKind) -> Seen {
    (
        content.into(),
        speaker.map(Into::into),
        cue.map(Into::into),
        kind,
    )
}

use ClaimKind::{Direct, Indirect, Joint};
use EntityType::{Gpe, Org, Person};

#[test]
fn en_speaker_cue_that() {
    let (s, c) = check(
        "en",
        "Prime Minister Anwar Ibrahim said on Monday that the economy would grow by 5 percent next year.",
        &[("Anwar Ibrahim", Person, "Anwar Ibrahim")],
    );
    assert_eq!(
        s,
        vec![seen(
            "the economy would grow by 5 percent next year",
            Some("Anwar Ibrahim"),
            Some("said"),
            Indirect
        )]
    );
    assert!(c[0].has_number && !c[0].negated && !c[0].has_entity);
}

#[test]
fn en_passive_cue_has_no_speaker() {
    let (s, c) = check(
        "en",
        "During the talks, it was stressed that the ceasefire had not failed.",
        &[],
    );
    assert_eq!(
        s,
        vec![seen(
            "the ceasefire had not failed",
            None,
            Some("stressed"),
            Indirect
        )]
    );
    assert!(c[0].negated);
}

#[test]
fn en_two_cues_give_two_claims() {
    let (s, _) = check(
        "en",
        "Lula said that Brazil wants peace in the region, adding that talks must resume soon.",
        &[
            ("Lula", Person, "Luiz Inácio Lula da Silva"),
            ("Brazil", Gpe, "Brazil"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "Brazil wants peace in the region",
                Some("Luiz Inácio Lula da Silva"),
                Some("said"),
                Indirect
            ),
            seen(
                "talks must resume soon",
                Some("Luiz Inácio Lula da Silva"),
                Some("adding"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_noun_phrase_objects_are_no_claims() {
    let (s, _) = check(
        "en",
        "Macron stressed the importance of dialogue with Berlin. Scholz thanked Spain for its help. The ministers expressed warm congratulations to the team.",
        &[
            ("Macron", Person, "Emmanuel Macron"),
            ("Scholz", Person, "Olaf Scholz"),
        ],
    );
    assert_eq!(s, vec![]);
}

#[test]
fn en_pronoun_and_role_take_the_person_named_before() {
    let (s, _) = check(
        "en",
        "President Joko Widodo met Angela Merkel in Berlin. She said that Germany would help Indonesia. The President noted that the visit was a success.",
        &[
            ("Joko Widodo", Person, "Joko Widodo"),
            ("Angela Merkel", Person, "Angela Merkel"),
        ],
    );
    assert_eq!(s[0].1.as_deref(), Some("Angela Merkel"));
    assert_eq!(s[1].1.as_deref(), Some("Joko Widodo"));
}

#[test]
fn en_joint_speakers_name_both_parties() {
    let (s, c) = check(
        "en",
        "Modi met Biden in New Delhi. The two leaders agreed that trade between India and the United States must double.",
        &[
            ("Modi", Person, "Narendra Modi"),
            ("Biden", Person, "Joe Biden"),
            ("India", Gpe, "India"),
            ("United States", Gpe, "United States"),
        ],
    );
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].3, Joint);
    assert_eq!(s[0].1.as_deref(), Some("Narendra Modi; Joe Biden"));
    assert!(c[0].has_entity);
}

#[test]
fn en_quotes_after_before_and_over_sentences() {
    let (s, _) = check(
        "en",
        "\"We will not give up,\" Zelensky said.\n\"Prices will fall soon,\" said Powell.\nXi said: \"China is ready. We will work with all sides.\"",
        &[
            ("Zelensky", Person, "Volodymyr Zelensky"),
            ("Powell", Person, "Jerome Powell"),
            ("Xi", Person, "Xi Jinping"),
        ],
    );
    assert_eq!(
        s[..2],
        vec![
            seen(
                "We will not give up",
                Some("Volodymyr Zelensky"),
                Some("said"),
                Direct
            ),
            seen(
                "Prices will fall soon",
                Some("Jerome Powell"),
                Some("said"),
                Direct
            ),
        ]
    );
    // One claim per sentence of the quotation, however the parser splits it.
    let rest: Vec<&str> = s[2..].iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        rest.join(". "),
        "China is ready. We will work with all sides"
    );
    assert!(
        s[2..]
            .iter()
            .all(|x| x.1.as_deref() == Some("Xi Jinping") && x.3 == Direct)
    );
}

#[test]
fn en_scare_quotes_and_titles_are_no_claims() {
    let (s, _) = check(
        "en",
        "Both countries support the \"One China\" policy and the \"Belt and Road Initiative\" of Beijing.",
        &[],
    );
    assert_eq!(s, vec![]);
}

#[test]
fn en_according_to_and_clause_final() {
    let (s, _) = check(
        "en",
        "According to Reuters, the deal was signed on Friday.\nThe plant will close next month, Bloomberg reported citing Tass.\nThe firm was chosen according to its experience in the region.",
        &[
            ("Reuters", Org, "Reuters"),
            ("Bloomberg", Org, "Bloomberg"),
            ("Tass", Org, "TASS"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the deal was signed on Friday",
                Some("Reuters"),
                Some("According to"),
                Indirect
            ),
            seen(
                "The plant will close next month",
                Some("Bloomberg"),
                Some("reported"),
                Indirect
            ),
            seen(
                "The plant will close next month",
                Some("TASS"),
                Some("citing"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_headline_with_colon() {
    let (s, _) = check(
        "en",
        "Erdogan: Turkey will never back down\nThe Turkish president spoke in Ankara.",
        &[("Erdogan", Person, "Recep Tayyip Erdoğan")],
    );
    assert_eq!(
        s,
        vec![seen(
            "Turkey will never back down",
            Some("Recep Tayyip Erdoğan"),
            None,
            Direct
        )]
    );
}

#[test]
fn id_constructions() {
    let (s, c) = check(
        "id",
        "Presiden Joko Widodo bertemu Anwar Ibrahim di Jakarta. Jokowi mengatakan bahwa Indonesia akan membangun ibu kota baru. Dia juga menegaskan bahwa pemerintah tidak akan mundur. Menurut Kompas, harga beras naik tajam pada pekan ini. Kedua pemimpin sepakat bahwa kerja sama ekonomi harus ditingkatkan.",
        &[
            ("Joko Widodo", Person, "Joko Widodo"),
            ("Jokowi", Person, "Joko Widodo"),
            ("Anwar Ibrahim", Person, "Anwar Ibrahim"),
            ("Indonesia", Gpe, "Indonesia"),
            ("Kompas", Org, "Kompas"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "Indonesia akan membangun ibu kota baru",
                Some("Joko Widodo"),
                Some("mengatakan"),
                Indirect
            ),
            seen(
                "pemerintah tidak akan mundur",
                Some("Joko Widodo"),
                Some("menegaskan"),
                Indirect
            ),
            seen(
                "kerja sama ekonomi harus ditingkatkan",
                Some("Joko Widodo; Anwar Ibrahim"),
                Some("sepakat"),
                Joint
            ),
            seen(
                "harga beras naik tajam pada pekan ini",
                Some("Kompas"),
                Some("Menurut"),
                Indirect
            ),
        ]
    );
    assert!(c[1].negated);
}

#[test]
fn ar_vso_pro_drop_participle_and_masdar() {
    let (s, _) = check(
        "ar",
        "قال الرئيس المصري عبد الفتاح السيسي، إن مصر تدعم جهود السلام في المنطقة، مضيفا أن الحوار هو الحل الوحيد. وأكد أن الحكومة ستواصل الإصلاحات الاقتصادية. ودعا الأطراف إلى وقف إطلاق النار فورا. وأعلن الجانبان عن توقيع اتفاقية جديدة.",
        &[
            ("عبد الفتاح السيسي", Person, "Abdel Fattah el-Sisi"),
            ("مصر", Gpe, "Egypt"),
        ],
    );
    let sisi = Some("Abdel Fattah el-Sisi");
    assert_eq!(
        s,
        vec![
            seen(
                "مصر تدعم جهود السلام في المنطقة",
                sisi,
                Some("قال"),
                Indirect
            ),
            seen("الحوار هو الحل الوحيد", sisi, Some("مضيفا"), Indirect),
            seen(
                "الحكومة ستواصل الإصلاحات الاقتصادية",
                sisi,
                Some("أكد"),
                Indirect
            ),
            seen("وقف إطلاق النار فورا", sisi, Some("دعا"), Indirect),
        ]
    );
}

#[test]
fn ar_according_to_outlet() {
    let (s, _) = check(
        "ar",
        "ارتفعت أسعار النفط بشكل حاد اليوم، وفقا لما نقلت وكالة رويترز، وذلك بعد الهجوم.",
        &[("رويترز", Org, "Reuters")],
    );
    assert_eq!(
        s,
        vec![seen(
            "ارتفعت أسعار النفط بشكل حاد اليوم",
            Some("Reuters"),
            Some("وفقا لما نقلت"),
            Indirect
        )]
    );
}

#[test]
fn unknown_language_finds_nothing() {
    let (s, _) = check("fr", "Macron a dit que la France est prête.", &[]);
    assert!(s.is_empty());
}

#[test]
fn lexicons_parse() {
    for lang in label::claims::Lexicon::languages() {
        let lx = label::claims::Lexicon::get(lang).expect("lexicon");
        assert!(!lx.cues.is_empty() && !lx.comps.is_empty(), "{lang}");
    }
}

#[test]
fn bare_cues_take_a_clause_only() {
    let names = [
        ("Powell", Person, "Jerome Powell"),
        ("Jokowi", Person, "Joko Widodo"),
        ("Indonesia", Gpe, "Indonesia"),
    ];
    let (s, c) = check(
        "en",
        "Powell said the economy would slow this year. Powell said the plan. Powell said on Monday.",
        &names,
    );
    assert_eq!(
        s,
        vec![seen(
            "the economy would slow this year",
            Some("Jerome Powell"),
            Some("said"),
            Indirect
        )]
    );
    assert!(c[0].confidence < 0.9);
    let (s, _) = check(
        "id",
        "Jokowi mengatakan Indonesia akan membangun jalan baru. Jokowi mengatakan hal itu.",
        &names,
    );
    assert_eq!(
        s,
        vec![seen(
            "Indonesia akan membangun jalan baru",
            Some("Joko Widodo"),
            Some("mengatakan"),
            Indirect
        )]
    );
}

#[test]
fn ar_nested_cue_takes_the_content_subject() {
    let (s, _) = check(
        "ar",
        "قال رئيس أذربيجان إلهام علييف إن بلاده تدعم الحوار، وتصر على أن الحل السياسي هو الطريق الوحيد، وتعمل مع جميع الأطراف.",
        &[
            ("إلهام علييف", Person, "Ilham Aliyev"),
            ("أذربيجان", Gpe, "Azerbaijan"),
        ],
    );
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].0, "الحل السياسي هو الطريق الوحيد");
    assert_eq!(s[1].1.as_deref(), Some("Azerbaijan"), "his country");
}

#[test]
fn en_subject_before_an_appositive_or_relative_clause() {
    let (s, _) = check(
        "en",
        "Guterres called for a ceasefire. Jan Egeland, secretary general of the Norwegian Refugee Council, said the situation in Darfur was the worst he had seen. The Rapid Support Forces, which have been fighting the army since April, said in a statement that they would allow humanitarian corridors.",
        &[
            ("Guterres", Person, "António Guterres"),
            ("Jan Egeland", Person, "Jan Egeland"),
            (
                "Norwegian Refugee Council",
                Org,
                "Norwegian Refugee Council",
            ),
            ("Rapid Support Forces", Org, "Rapid Support Forces"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the situation in Darfur was the worst he had seen",
                Some("Jan Egeland"),
                Some("said"),
                Indirect
            ),
            seen(
                "they would allow humanitarian corridors",
                Some("Rapid Support Forces"),
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_quotation_then_speaker_cue_and_circumstances() {
    let (s, _) = check(
        "en",
        "\"The world cannot look away while children starve,\" Guterres told reporters at UN headquarters in New York.",
        &[("Guterres", Person, "António Guterres")],
    );
    assert_eq!(
        s,
        vec![seen(
            "The world cannot look away while children starve",
            Some("António Guterres"),
            Some("told"),
            Direct
        )]
    );
}

#[test]
fn spokespeople_and_indefinite_officials_are_not_the_last_person_named() {
    let (s, _) = check(
        "en",
        "President Joe Biden met King Abdullah. A U.S. official said that the talks had gone well. The spokesman said that a deal was close.",
        &[
            ("Joe Biden", Person, "Joe Biden"),
            ("King Abdullah", Person, "Abdullah II"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen("the talks had gone well", None, Some("said"), Indirect),
            seen("a deal was close", None, Some("said"), Indirect),
        ]
    );
    // Named with the role before: that person.
    let (s, _) = check(
        "en",
        "Foreign Ministry spokesperson Mao Ning met reporters. The spokesperson said that the visit would go ahead.",
        &[("Mao Ning", Person, "Mao Ning")],
    );
    assert_eq!(
        s,
        vec![seen(
            "the visit would go ahead",
            Some("Mao Ning"),
            Some("said"),
            Indirect
        )]
    );
}

#[test]
fn ar_participle_before_a_preposition_and_feelings_are_no_claims() {
    let (s, _) = check(
        "ar",
        "وقال شي إن الصين وباكستان صديقان حميمان، مشيرا إلى أن الصين مستعدة للعمل مع باكستان. وأعرب شريف عن شكره للصين على دعمها القيم. وأعرب شريف عن استعداد باكستان للعمل مع الصين لتعزيز التعاون.",
        &[
            ("شي", Person, "Xi Jinping"),
            ("شريف", Person, "Shehbaz Sharif"),
            ("الصين", Gpe, "China"),
            ("باكستان", Gpe, "Pakistan"),
        ],
    );
    let xi = Some("Xi Jinping");
    assert_eq!(
        s,
        vec![
            seen("الصين وباكستان صديقان حميمان", xi, Some("قال"), Indirect),
            seen("الصين مستعدة للعمل مع باكستان", xi, Some("مشيرا"), Indirect),
            seen(
                "استعداد باكستان للعمل مع الصين لتعزيز التعاون",
                Some("Shehbaz Sharif"),
                Some("أعرب"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_role_with_a_nationality_is_the_person_named_with_both() {
    let (s, _) = check(
        "en",
        "Minister of Energy Parviz Shahbazov met Turkish Minister of Energy Alparslan Bayraktar. Minister Shahbazov noted that the two countries are partners. \"We are ready to expand our cooperation to new areas,\" the Turkish minister said.",
        &[
            ("Parviz Shahbazov", Person, "Parviz Shahbazov"),
            ("Shahbazov", Person, "Parviz Shahbazov"),
            ("Alparslan Bayraktar", Person, "Alparslan Bayraktar"),
            ("Turkish", EntityType::Norp, "Turkish"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the two countries are partners",
                Some("Parviz Shahbazov"),
                Some("noted"),
                Indirect
            ),
            seen(
                "We are ready to expand our cooperation to new areas",
                Some("Alparslan Bayraktar"),
                Some("said"),
                Direct
            ),
        ]
    );
}

#[test]
fn an_opening_participle_ends_before_the_main_clause() {
    let (s, _) = check(
        "en",
        "Wang Yi met Retno Marsudi. Noting that this year marks the 75th anniversary of diplomatic ties,Wang said the two sides should take this opportunity to strengthen exchanges.",
        &[
            ("Wang Yi", Person, "Wang Yi"),
            ("Wang", Person, "Wang Yi"),
            ("Retno Marsudi", Person, "Retno Marsudi"),
        ],
    );
    let wang = Some("Wang Yi");
    assert_eq!(
        s,
        vec![
            seen(
                "this year marks the 75th anniversary of diplomatic ties",
                wang,
                Some("Noting"),
                Indirect
            ),
            seen(
                "the two sides should take this opportunity to strengthen exchanges",
                wang,
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_cue_coordinated_with_an_earlier_verb_takes_the_clause_subject() {
    let (s, _) = check(
        "en",
        "Zheng Jianbang conveyed warm greetings from Chinese President Xi Jinping and said that China is ready to deepen cooperation. On Monday, Zheng thanked Xi Jinping and said that the visit was a success.",
        &[
            ("Zheng Jianbang", Person, "Zheng Jianbang"),
            ("Zheng", Person, "Zheng Jianbang"),
            ("Xi Jinping", Person, "Xi Jinping"),
            ("China", Gpe, "China"),
        ],
    );
    let zheng = Some("Zheng Jianbang");
    assert_eq!(
        s,
        vec![
            seen(
                "China is ready to deepen cooperation",
                zheng,
                Some("said"),
                Indirect
            ),
            seen("the visit was a success", zheng, Some("said"), Indirect),
        ]
    );
}

#[test]
fn ar_a_role_after_the_name_and_a_nationality_after_the_role() {
    let (s, _) = check(
        "ar",
        "تلقى الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد اتصالا من الرئيس الفرنسي إيمانويل ماكرون. وأكد ولي العهد أن المملكة حريصة على تعزيز الأمن في المنطقة. وقال الرئيس الفرنسي إن فرنسا تدعم جهود السلام في المنطقة.",
        &[
            ("محمد بن سلمان", Person, "Mohammed bin Salman"),
            ("إيمانويل ماكرون", Person, "Emmanuel Macron"),
            ("الفرنسي", EntityType::Norp, "French"),
            ("فرنسا", Gpe, "France"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "المملكة حريصة على تعزيز الأمن في المنطقة",
                Some("Mohammed bin Salman"),
                Some("أكد"),
                Indirect
            ),
            seen(
                "فرنسا تدعم جهود السلام في المنطقة",
                Some("Emmanuel Macron"),
                Some("قال"),
                Indirect
            ),
        ]
    );
}

#[test]
fn the_head_of_state_is_the_president_named_before() {
    let (s, _) = check(
        "en",
        "President of Kazakhstan Kassym-Jomart Tokayev received a delegation led by Zheng Jianbang. The Head of State noted that the two countries have built a strategic partnership.",
        &[
            ("Kassym-Jomart Tokayev", Person, "Kassym-Jomart Tokayev"),
            ("Zheng Jianbang", Person, "Zheng Jianbang"),
            ("Kazakhstan", Gpe, "Kazakhstan"),
        ],
    );
    assert_eq!(
        s,
        vec![seen(
            "the two countries have built a strategic partnership",
            Some("Kassym-Jomart Tokayev"),
            Some("noted"),
            Indirect
        )]
    );
}

#[test]
fn id_cue_then_comma_and_cue_speaker_with_circumstances() {
    let (s, _) = check(
        "id",
        "\"Defisit kita sampai akhir Januari masih terkendali,\" kata Sri Mulyani dalam konferensi pers APBN Kita di Jakarta, Senin. Wakil Menteri Keuangan Suahasil Nazara menambahkan, belanja negara akan difokuskan pada program prioritas.",
        &[
            ("Sri Mulyani", Person, "Sri Mulyani Indrawati"),
            ("Suahasil Nazara", Person, "Suahasil Nazara"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "belanja negara akan difokuskan pada program prioritas",
                Some("Suahasil Nazara"),
                Some("menambahkan"),
                Indirect
            ),
            seen(
                "Defisit kita sampai akhir Januari masih terkendali",
                Some("Sri Mulyani Indrawati"),
                Some("kata"),
                Direct
            ),
        ]
    );
}

#[test]
fn id_cues_with_a_pronoun_inside_take_the_last_person() {
    let (s, _) = check(
        "id",
        "Kabid Humas Polda Jabar Jules Abraham Abast mengatakan bahwa para tersangka ditangkap di Bandung. \"Kami akan terus memberantas judi online,\" ujarnya. Polisi akan memeriksa semua saksi, katanya.",
        &[("Jules Abraham Abast", Person, "Jules Abraham Abast")],
    );
    let jules = Some("Jules Abraham Abast");
    assert_eq!(
        s,
        vec![
            seen(
                "para tersangka ditangkap di Bandung",
                jules,
                Some("mengatakan"),
                Indirect
            ),
            seen(
                "Kami akan terus memberantas judi online",
                jules,
                Some("ujarnya"),
                Direct
            ),
            seen(
                "Polisi akan memeriksa semua saksi",
                jules,
                Some("katanya"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_subject_before_a_bracketed_acronym() {
    let (s, _) = check(
        "en",
        "Benjamin Netanyahu told his cabinet that Israel would respond. The Organization of the Petroleum Exporting Countries (OPEC) said in its monthly report that it expected demand to grow.",
        &[
            ("Benjamin Netanyahu", Person, "Benjamin Netanyahu"),
            (
                "Organization of the Petroleum Exporting Countries",
                Org,
                "OPEC",
            ),
            ("OPEC", Org, "OPEC"),
            ("Israel", Gpe, "Israel"),
        ],
    );
    assert_eq!(
        s[1],
        seen(
            "it expected demand to grow",
            Some("OPEC"),
            Some("said"),
            Indirect
        )
    );
}

#[test]
fn a_content_ends_where_another_speaker_begins() {
    let (s, _) = check(
        "en",
        "The spokesman said that the item was ready and the Turkish minister said that the talks would go on",
        &[],
    );
    assert_eq!(
        s,
        vec![
            seen("the item was ready", None, Some("said"), Indirect),
            seen("the talks would go on", None, Some("said"), Indirect),
        ]
    );
}

#[test]
fn a_quotation_right_after_an_attributed_one_goes_on_with_its_speaker() {
    let (s, _) = check(
        "en",
        "\"We want to see more good data,\" Powell said. \"It is not that we are looking for better data.\"\n\"This is a new paragraph without anyone.\"\n\"We will act,\" Powell said. \"The economy is strong. Jobs are many.\" He left.",
        &[("Powell", Person, "Jerome Powell")],
    );
    let powell = Some("Jerome Powell");
    assert_eq!(
        s,
        vec![
            seen(
                "We want to see more good data",
                powell,
                Some("said"),
                Direct
            ),
            seen(
                "It is not that we are looking for better data",
                powell,
                Some("said"),
                Direct
            ),
            seen("We will act", powell, Some("said"), Direct),
            seen("The economy is strong", powell, Some("said"), Direct),
            seen("Jobs are many", powell, Some("said"), Direct),
        ]
    );
}

#[test]
fn ar_speaker_with_an_appositive_before_a_quotation() {
    let (s, _) = check(
        "ar",
        "وقال محمد أبو باشا، رئيس قسم البحوث في المجموعة المالية هيرميس، لرويترز: \"القرار كان متوقعا تماما\".",
        &[("محمد أبو باشا", Person, "Mohamed Abu Basha")],
    );
    assert_eq!(
        s,
        vec![seen(
            "القرار كان متوقعا تماما",
            Some("Mohamed Abu Basha"),
            Some("قال"),
            Direct
        )]
    );
}

#[test]
fn en_bare_clause_after_any_subject() {
    let (s, _) = check(
        "en",
        "The Weather Service said winds reached 90 mph near Springfield.\nGrant said most customers should have power by Thursday, but warned that some areas could wait longer.\nGrant said in a statement on Monday.\nGrant said the revised figures.",
        &[
            ("Weather Service", Org, "National Weather Service"),
            ("Grant", Person, "Paul Grant"),
        ],
    );
    let grant = Some("Paul Grant");
    assert_eq!(
        s,
        vec![
            seen(
                "winds reached 90 mph near Springfield",
                Some("National Weather Service"),
                Some("said"),
                Indirect
            ),
            seen(
                "most customers should have power by Thursday",
                grant,
                Some("said"),
                Indirect
            ),
            seen(
                "some areas could wait longer",
                grant,
                Some("warned"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_told_an_object_then_a_bare_clause() {
    let (s, _) = check(
        "en",
        "Governor Jay Pike told reporters the state had activated its emergency center.\nJay Pike told a press conference that the roads would reopen.\nJay Pike told Al Jazeera.",
        &[
            ("Jay Pike", Person, "Jay Pike"),
            ("Al Jazeera", Org, "Al Jazeera"),
        ],
    );
    let pike = Some("Jay Pike");
    assert_eq!(
        s,
        vec![
            seen(
                "the state had activated its emergency center",
                pike,
                Some("told"),
                Indirect
            ),
            seen("the roads would reopen", pike, Some("told"), Indirect),
        ]
    );
}

#[test]
fn id_bare_clause_after_any_subject() {
    let (s, _) = check(
        "id",
        "Menteri Perdagangan Zulkifli Hasan mengatakan operasi pasar akan melibatkan Perum Bulog.\nIa mengatakan KPK juga menahan dua pengusaha.\nZulkifli Hasan mengatakan di Jakarta pada Senin.",
        &[
            ("Zulkifli Hasan", Person, "Zulkifli Hasan"),
            ("KPK", Org, "KPK"),
        ],
    );
    let zulkifli = Some("Zulkifli Hasan");
    assert_eq!(
        s,
        vec![
            seen(
                "operasi pasar akan melibatkan Perum Bulog",
                zulkifli,
                Some("mengatakan"),
                Indirect
            ),
            seen(
                "KPK juga menahan dua pengusaha",
                zulkifli,
                Some("mengatakan"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_quotation_is_not_attributed_by_the_next_paragraphs_cue() {
    let (s, _) = check(
        "en",
        "\"We have never seen damage like this,\" said Linda Carter. \"It sounded like a train.\"\n\nThe Weather Service said winds reached 90 mph.\n\n\"Stay home tonight.\"\nThe mayor said nothing more.",
        &[
            ("Linda Carter", Person, "Linda Carter"),
            ("Weather Service", Org, "National Weather Service"),
        ],
    );
    let carter = Some("Linda Carter");
    assert_eq!(
        s,
        vec![
            seen(
                "winds reached 90 mph",
                Some("National Weather Service"),
                Some("said"),
                Indirect
            ),
            seen(
                "We have never seen damage like this",
                carter,
                Some("said"),
                Direct
            ),
            seen("It sounded like a train", carter, Some("said"), Direct),
        ]
    );
}

#[test]
fn a_quotation_followed_by_and_a_verb_has_no_speaker_there() {
    let (s, _) = check(
        "en",
        "Opposition leader Raila Odinga called the vote \"a betrayal of ordinary Kenyans\" and vowed to challenge the law in court.",
        &[("Raila Odinga", Person, "Raila Odinga")],
    );
    assert_eq!(s, vec![]);
}

#[test]
fn ar_verb_first_subject_ends_at_a_preposition_or_a_comma_after_a_name() {
    let (s, _) = check(
        "ar",
        "قال الرئيس التركي رجب طيب أردوغان، الأربعاء، إن بلاده لن تتخلى عن دعم الشعب.\nوأضاف الفالح في تصريحات للصحافيين في الرياض إن الاستثمارات ستزيد هذا العام.\nوأشار إلى أن الصادرات ارتفعت بنسبة كبيرة.\nوأكد رئيس الصين، شي جين بينغ، أن الصين مستعدة للعمل مع الجميع.",
        &[
            ("رجب طيب أردوغان", Person, "Recep Tayyip Erdoğan"),
            ("الفالح", Person, "Khalid Al-Falih"),
            ("الرياض", Gpe, "Riyadh"),
            ("الصين", Gpe, "China"),
            ("شي جين بينغ", Person, "Xi Jinping"),
        ],
    );
    let falih = Some("Khalid Al-Falih");
    assert_eq!(
        s,
        vec![
            seen(
                "بلاده لن تتخلى عن دعم الشعب",
                Some("Recep Tayyip Erdoğan"),
                Some("قال"),
                Indirect
            ),
            seen("الاستثمارات ستزيد هذا العام", falih, Some("أضاف"), Indirect),
            // "إلى" is the verb's complement: the speaker dropped is the last one.
            seen("الصادرات ارتفعت بنسبة كبيرة", falih, Some("أشار"), Indirect),
            seen(
                "الصين مستعدة للعمل مع الجميع",
                Some("Xi Jinping"),
                Some("أكد"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_content_does_not_open_with_the_dateline() {
    let (s, _) = check(
        "en",
        "Storms knock out power\nCHICAGO (AP) — Severe storms swept across the Midwest on Tuesday, officials said.",
        &[],
    );
    assert_eq!(
        s,
        vec![seen(
            "Severe storms swept across the Midwest on Tuesday",
            None,
            Some("said"),
            Indirect
        )]
    );
    let (s, _) = check(
        "en",
        "Talks held\nASTANA, March 6. The talks covered trade and energy, the Akorda press service reported.",
        &[],
    );
    assert_eq!(s[0].0, "The talks covered trade and energy");
}

#[test]
fn id_bare_clause_shown_by_a_verbs_affixes() {
    let (s, _) = check(
        "id",
        "Alexander menjelaskan uang tersebut diberikan secara bertahap.\nKedua pihak perlu memastikan kelancaran rantai pasokan internasional.\nBayu menyatakan pihaknya siap menyalurkan beras ke pasar.",
        &[
            ("Alexander", Person, "Alexander Marwata"),
            ("Bayu", Person, "Bayu Krisnamurthi"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "uang tersebut diberikan secara bertahap",
                Some("Alexander Marwata"),
                Some("menjelaskan"),
                Indirect
            ),
            seen(
                "pihaknya siap menyalurkan beras ke pasar",
                Some("Bayu Krisnamurthi"),
                Some("menyatakan"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_claim_inside_a_quotation_ends_with_it() {
    let (s, _) = check(
        "id",
        "\"Ke depan, BI meyakini inflasi akan tetap terkendali,\" ujar Erwin.",
        &[
            ("BI", Org, "Bank Indonesia"),
            ("Erwin", Person, "Erwin Haryono"),
        ],
    );
    assert!(
        s.contains(&seen(
            "inflasi akan tetap terkendali",
            Some("Bank Indonesia"),
            Some("meyakini"),
            Direct
        )),
        "{s:?}"
    );
    assert!(s.iter().all(|c| !c.0.contains("ujar")), "{s:?}");
}

#[test]
fn a_participle_takes_the_name_that_opens_its_sentence() {
    let (s, _) = check(
        "en",
        "Rates held\nJAKARTA, May 21 (Xinhua) -- Bank Indonesia kept its rate unchanged on Tuesday, saying the decision was consistent with its target.\nFinance Minister Njuguna Ndung'u defended the measures, saying the government needed to raise more money.",
        &[
            ("Bank Indonesia", Org, "Bank Indonesia"),
            ("Njuguna Ndung'u", Person, "Njuguna Ndung'u"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the decision was consistent with its target",
                Some("Bank Indonesia"),
                Some("saying"),
                Indirect
            ),
            seen(
                "the government needed to raise more money",
                Some("Njuguna Ndung'u"),
                Some("saying"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_clause_after_a_final_cue_is_its_content_not_its_speaker() {
    let (s, _) = check(
        "en",
        "Sen. Elizabeth Warren, a Democrat from Massachusetts, said the bill would fail.\nThe talks will resume in May, said the minister.",
        &[
            ("Elizabeth Warren", Person, "Elizabeth Warren"),
            ("Massachusetts", Gpe, "Massachusetts"),
        ],
    );
    let contents: Vec<&str> = s.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        contents,
        vec!["the bill would fail", "The talks will resume in May"]
    );
    assert_eq!(s[0].1.as_deref(), Some("Elizabeth Warren"));
}

#[test]
fn ar_role_with_a_nationality_after_it_is_the_one_named_so() {
    let (s, _) = check(
        "ar",
        "التقى الرئيس الصيني شي جين بينغ اليوم في بكين مع الرئيس المصري عبد الفتاح السيسي.\nوقال شي إن الصين تدعم مصر في طريق التنمية.\nوأضاف الرئيس المصري أن المبادرة قدمت فرصا مهمة لتنمية مصر.",
        &[
            ("الصيني", EntityType::Norp, "Chinese"),
            ("شي جين بينغ", Person, "Xi Jinping"),
            ("شي", Person, "Xi Jinping"),
            ("بكين", Gpe, "Beijing"),
            ("المصري", EntityType::Norp, "Egyptian"),
            ("عبد الفتاح السيسي", Person, "Abdel Fattah el-Sisi"),
            ("الصين", Gpe, "China"),
            ("مصر", Gpe, "Egypt"),
        ],
    );
    assert_eq!(s[1].1.as_deref(), Some("Abdel Fattah el-Sisi"), "{s:?}");
}

#[test]
fn en_a_nationalitys_leader_is_its_president() {
    let (s, _) = check(
        "en",
        "President of the Republic of Azerbaijan Ilham Aliyev and President of Kazakhstan Kassym-Jomart Tokayev held talks.\n\"Kazakhstan is our strategic partner and ally,\" the Azerbaijani leader said.",
        &[
            ("Republic of Azerbaijan", Gpe, "Azerbaijan"),
            ("Ilham Aliyev", Person, "Ilham Aliyev"),
            ("Kazakhstan", Gpe, "Kazakhstan"),
            ("Kassym-Jomart Tokayev", Person, "Kassym-Jomart Tokayev"),
            ("Azerbaijani", EntityType::Norp, "Azerbaijani"),
        ],
    );
    assert_eq!(
        s,
        vec![seen(
            "Kazakhstan is our strategic partner and ally",
            Some("Ilham Aliyev"),
            Some("said"),
            Direct
        )]
    );
}

#[test]
fn en_a_verb_in_the_present_after_a_name_shows_a_bare_clause() {
    let (s, _) = check(
        "en",
        "Prabowo said Indonesia firmly adheres to the one-China policy.\nXi said China stands ready to work with Indonesia.\nXi said the talks.",
        &[
            ("Prabowo", Person, "Prabowo Subianto"),
            ("Indonesia", Gpe, "Indonesia"),
            ("Xi", Person, "Xi Jinping"),
            ("China", Gpe, "China"),
        ],
    );
    let contents: Vec<&str> = s.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "Indonesia firmly adheres to the one-China policy",
            "China stands ready to work with Indonesia"
        ]
    );
}

#[test]
fn more_cues_after_a_quotation_and_verb_first() {
    let (s, _) = check(
        "id",
        "Menteri Budi Santoso meninjau pasar.\n\"Harga beras akan turun pekan depan,\" imbuhnya.\n\"Stok kita cukup sampai akhir tahun,\" pungkas Budi.",
        &[
            ("Budi Santoso", Person, "Budi Santoso"),
            ("Budi", Person, "Budi Santoso"),
        ],
    );
    let budi = Some("Budi Santoso");
    assert_eq!(
        s,
        vec![
            seen(
                "Harga beras akan turun pekan depan",
                budi,
                Some("imbuhnya"),
                Direct
            ),
            seen(
                "Stok kita cukup sampai akhir tahun",
                budi,
                Some("pungkas"),
                Direct
            ),
        ]
    );
    let (s, _) = check(
        "ar",
        "ونوه الوزير خالد الفالح بأن الاستثمارات ستزيد هذا العام.\nوكشف الفالح أن الصادرات ارتفعت بنسبة كبيرة.",
        &[
            ("خالد الفالح", Person, "Khalid Al-Falih"),
            ("الفالح", Person, "Khalid Al-Falih"),
        ],
    );
    let falih = Some("Khalid Al-Falih");
    assert_eq!(
        s,
        vec![
            seen("الاستثمارات ستزيد هذا العام", falih, Some("نوه"), Indirect),
            seen("الصادرات ارتفعت بنسبة كبيرة", falih, Some("كشف"), Indirect),
        ]
    );
}

#[test]
fn ar_a_coordinated_cue_has_the_first_verbs_subject() {
    let (s, _) = check(
        "ar",
        "استقبل الرئيس الأذربيجاني إلهام علييف اليوم وزير الخارجية الصيني وانغ يي.\nمن جانبه، نقل وانغ يي تحيات الرئيس الصيني إلى الرئيس إلهام علييف، وقال إن الصين تولي أهمية كبيرة للعلاقات.\nوأشار وزير الخارجية الصيني إلى أن الممر الأوسط يكتسب أهمية متزايدة.",
        &[
            ("الأذربيجاني", EntityType::Norp, "Azerbaijani"),
            ("إلهام علييف", Person, "Ilham Aliyev"),
            ("اليوم", EntityType::Date, "today"),
            ("الصيني", EntityType::Norp, "Chinese"),
            ("وانغ يي", Person, "Wang Yi"),
            ("الصين", Gpe, "China"),
        ],
    );
    let wang = Some("Wang Yi");
    assert_eq!(
        s,
        vec![
            seen(
                "الصين تولي أهمية كبيرة للعلاقات",
                wang,
                Some("قال"),
                Indirect
            ),
            seen(
                "الممر الأوسط يكتسب أهمية متزايدة",
                wang,
                Some("أشار"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_a_speakers_tail_before_an_outlets_tail() {
    let (s, _) = check(
        "en",
        "Azerbaijan and China will expand cooperation in green energy, Azerbaijani Minister of Energy Parviz Shahbazov said, Trend reports.",
        &[
            ("Azerbaijan", Gpe, "Azerbaijan"),
            ("China", Gpe, "China"),
            ("Azerbaijani", EntityType::Norp, "Azerbaijani"),
            ("Parviz Shahbazov", Person, "Parviz Shahbazov"),
            ("Trend", Org, "Trend News Agency"),
        ],
    );
    let content = "Azerbaijan and China will expand cooperation in green energy";
    assert_eq!(
        s,
        vec![
            seen(content, Some("Parviz Shahbazov"), Some("said"), Indirect),
            seen(
                content,
                Some("Trend News Agency"),
                Some("reports"),
                Indirect
            ),
        ]
    );
}

#[test]
fn the_organisations_head_word_refers_to_it() {
    let (s, _) = check(
        "en",
        "The Ministry of Foreign Affairs summoned the ambassador on Monday.\nThe ministry said the remarks were unacceptable and harmful.",
        &[(
            "Ministry of Foreign Affairs",
            Org,
            "Ministry of Foreign Affairs",
        )],
    );
    assert_eq!(
        s,
        vec![seen(
            "the remarks were unacceptable and harmful",
            Some("Ministry of Foreign Affairs"),
            Some("said"),
            Indirect
        )]
    );
    let (s, _) = check(
        "ar",
        "استدعت وزارة الخارجية السفير اليوم.\nوقالت الوزارة إن التصريحات غير مقبولة على الإطلاق.",
        &[("وزارة الخارجية", Org, "Ministry of Foreign Affairs")],
    );
    assert_eq!(
        s[0].1.as_deref(),
        Some("Ministry of Foreign Affairs"),
        "{s:?}"
    );
}

#[test]
fn a_speaker_cited_by_an_outlet_or_inside_a_relative_clause() {
    let (s, _) = check(
        "ar",
        "ونقلت وكالة الأنباء السعودية عن وزير الخارجية الأمير فيصل بن فرحان قوله إن المملكة تدعو إلى وقف فوري لإطلاق النار.",
        &[("فيصل بن فرحان", Person, "Faisal bin Farhan")],
    );
    assert_eq!(
        s,
        vec![seen(
            "المملكة تدعو إلى وقف فوري لإطلاق النار",
            Some("Faisal bin Farhan"),
            Some("قوله"),
            Indirect
        )]
    );
    let (s, _) = check(
        "en",
        "Ilham Aliyev spoke in Baku.\nAliyev noted the Middle Corridor, which he said had become a key route for goods.",
        &[
            ("Ilham Aliyev", Person, "Ilham Aliyev"),
            ("Aliyev", Person, "Ilham Aliyev"),
        ],
    );
    assert_eq!(s[0].1.as_deref(), Some("Ilham Aliyev"), "{s:?}");
}

#[test]
fn id_inverted_cue_with_a_long_title_and_circumstances() {
    let (s, _) = check(
        "id",
        "Indonesia dan Jepang sepakat memperkuat kerja sama di bidang keamanan maritim, kata Menteri Koordinator Bidang Kemaritiman dan Investasi Luhut Binsar Pandjaitan di Tokyo, Jumat.\nPihaknya berharap kunjungan tersebut dapat membuka peluang baru, tambah Luhut.\nKishida menyatakan Jepang mendukung penuh proses aksesi tersebut.",
        &[
            ("Indonesia", Gpe, "Indonesia"),
            ("Jepang", Gpe, "Japan"),
            ("Luhut Binsar Pandjaitan", Person, "Luhut Binsar Pandjaitan"),
            ("Luhut", Person, "Luhut Binsar Pandjaitan"),
            ("Tokyo", Gpe, "Tokyo"),
            ("Kishida", Person, "Fumio Kishida"),
        ],
    );
    let luhut = Some("Luhut Binsar Pandjaitan");
    // "berharap" takes a bare clause: the hope nested in what Luhut added is a claim of its
    // own, its speaker "Pihaknya" (his side) left unresolved.
    assert_eq!(
        s,
        vec![
            seen(
                "kunjungan tersebut dapat membuka peluang baru",
                None,
                Some("berharap"),
                Indirect
            ),
            seen(
                "Jepang mendukung penuh proses aksesi tersebut",
                Some("Fumio Kishida"),
                Some("menyatakan"),
                Indirect
            ),
            seen(
                "Indonesia dan Jepang sepakat memperkuat kerja sama di bidang keamanan maritim",
                luhut,
                Some("kata"),
                Indirect
            ),
            seen(
                "Pihaknya berharap kunjungan tersebut dapat membuka peluang baru",
                luhut,
                Some("tambah"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_circumstances_before_that_and_a_name_in_apposition() {
    let (s, _) = check(
        "en",
        "Goldman Sachs analysts said in a note on Thursday that they expected Brent to rise.\nSaudi Arabia's energy minister, Prince Abdulaziz bin Salman, said OPEC+ would act if needed.",
        &[
            ("Goldman Sachs", Org, "Goldman Sachs"),
            ("Saudi Arabia", Gpe, "Saudi Arabia"),
            ("Abdulaziz bin Salman", Person, "Abdulaziz bin Salman"),
            ("OPEC+", Org, "OPEC+"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "they expected Brent to rise",
                Some("Goldman Sachs"),
                Some("said"),
                Indirect
            ),
            seen(
                "OPEC+ would act if needed",
                Some("Abdulaziz bin Salman"),
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn ar_a_date_ends_the_subject_and_a_noun_before_a_complementizer() {
    let (s, _) = check(
        "ar",
        "قال المتحدث وانغ ون بين اليوم إن الصين تدعو جميع الأطراف إلى ضبط النفس.\nوتابع قائلا إن الصين مستعدة للعب دور بناء.\nوأعربت الصين عن أملها في أن تتوصل الأطراف إلى اتفاق قريبا.",
        &[
            ("وانغ ون بين", Person, "Wang Wenbin"),
            ("اليوم", EntityType::Date, "today"),
            ("الصين", Gpe, "China"),
        ],
    );
    let wang = Some("Wang Wenbin");
    assert_eq!(
        s,
        vec![
            seen(
                "الصين تدعو جميع الأطراف إلى ضبط النفس",
                wang,
                Some("قال"),
                Indirect
            ),
            seen("الصين مستعدة للعب دور بناء", wang, Some("تابع"), Indirect),
            seen(
                "تتوصل الأطراف إلى اتفاق قريبا",
                Some("China"),
                Some("أعربت"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_a_bare_clause_whose_subject_carries_an_aside() {
    let (s, _) = check(
        "en",
        "Xi said China and Indonesia, as major developing countries, share broad common interests.\nXi said China, the host, will act.",
        &[
            ("Xi", Person, "Xi Jinping"),
            ("China", Gpe, "China"),
            ("Indonesia", Gpe, "Indonesia"),
        ],
    );
    // An aside that opens with no preposition or relative pronoun is not passed over.
    assert_eq!(
        s,
        vec![seen(
            "China and Indonesia, as major developing countries, share broad common interests",
            Some("Xi Jinping"),
            Some("said"),
            Indirect
        )]
    );
}

#[test]
fn words_quoted_inside_a_clause_belong_to_its_claim() {
    // The quoted words are part of what "said" reports: no claim of their own, and the
    // "that" after "adding" is no speaker.
    let (s, _) = check(
        "en",
        "Chancellor Jeremy Hunt said the figures were \"a major milestone for the economy\", adding that the plan was working.",
        &[("Jeremy Hunt", Person, "Jeremy Hunt")],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the figures were \"a major milestone for the economy\"",
                Some("Jeremy Hunt"),
                Some("said"),
                Indirect
            ),
            seen(
                "the plan was working",
                Some("Jeremy Hunt"),
                Some("adding"),
                Indirect
            ),
        ]
    );
}

#[test]
fn a_quotation_resumed_after_its_attribution() {
    // The second part takes the attribution before it, and is no indirect claim of "said";
    // one claim per cue: the longer part's. An attribution ended by a colon introduces the
    // next quotation, not the last one.
    let (s, _) = check(
        "en",
        "Lapid spoke on Monday.\n\"We will win,\" Yair Lapid said, \"and we will rebuild the country.\" Officials said: \"The plan is dangerous for all of us.\"",
        &[("Yair Lapid", Person, "Yair Lapid")],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "and we will rebuild the country",
                Some("Yair Lapid"),
                Some("said"),
                Direct
            ),
            seen(
                "The plan is dangerous for all of us",
                None,
                Some("said"),
                Direct
            ),
        ]
    );
}

#[test]
fn ar_a_source_cited_by_an_outlet_is_the_speaker() {
    // "نقلت رويترز عن مصادر مطلعة قولها إن": the sources said it, not the outlet.
    let text =
        "ونقلت وكالة رويترز عن مصادر مطلعة قولها إن التحالف قد يمدد التخفيضات حتى نهاية العام.";
    let (s, claims) = check("ar", text, &[("رويترز", Org, "Reuters")]);
    assert_eq!(
        s,
        vec![seen(
            "التحالف قد يمدد التخفيضات حتى نهاية العام",
            None,
            Some("قولها"),
            Indirect
        )]
    );
    assert_eq!(speaker_texts("ar", text, &claims), vec!["مصادر مطلعة"]);
}

#[test]
fn ar_a_participle_after_a_short_claim() {
    // "قالت X إن الوضع «كارثي»": two words after the complementizer, a claim; "مشيرة" has X
    // for speaker.
    let (s, _) = check(
        "ar",
        "وقالت المديرة التنفيذية للبرنامج سيندي ماكين إن الوضع \"كارثي\"، مشيرة إلى أن الوكالة لا تستطيع الوصول إلى المناطق المتضررة.",
        &[("سيندي ماكين", Person, "Cindy McCain")],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "الوضع \"كارثي\"",
                Some("Cindy McCain"),
                Some("قالت"),
                Indirect
            ),
            seen(
                "الوكالة لا تستطيع الوصول إلى المناطق المتضررة",
                Some("Cindy McCain"),
                Some("مشيرة"),
                Indirect
            ),
        ]
    );
}

#[test]
fn speakers_that_are_someone_of_a_named_entity() {
    // "Netanyahu's office" is not Netanyahu; experts interviewed by an outlet are not the
    // outlet (a statement released by a group is the group's: see the according-to tests).
    let (s, _) = check(
        "en",
        "Netanyahu's office said Israel would send a delegation.\nExperts interviewed by the Global Times said the chances remained slim.\nAnalysts at Capital Economics said inflation would fall.",
        &[
            ("Netanyahu", Person, "Benjamin Netanyahu"),
            ("Global Times", Org, "Global Times"),
            ("Capital Economics", Org, "Capital Economics"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "Israel would send a delegation",
                None,
                Some("said"),
                Indirect
            ),
            seen("the chances remained slim", None, Some("said"), Indirect),
            seen(
                "inflation would fall",
                Some("Capital Economics"),
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn speaker_spans_keep_their_brackets_and_drop_auxiliaries() {
    let text = "The Office for National Statistics (ONS) said lower energy bills were the main reason.\nBank of England governor Andrew Bailey has previously said he is optimistic about prices.";
    let (s, claims) = check(
        "en",
        text,
        &[
            (
                "Office for National Statistics",
                Org,
                "Office for National Statistics",
            ),
            ("ONS", Org, "Office for National Statistics"),
            ("Andrew Bailey", Person, "Andrew Bailey"),
        ],
    );
    assert_eq!(s.len(), 2, "{s:?}");
    let spans = speaker_texts("en", text, &claims);
    assert_eq!(
        spans,
        vec![
            "The Office for National Statistics (ONS)",
            "Bank of England governor Andrew Bailey"
        ]
    );
}

#[test]
fn a_bare_clause_after_a_role_with_quoted_words() {
    // "told OBJECT the prime minister "cares ...": a verb in -s after a role noun, past an
    // opening quotation mark.
    let (s, _) = check(
        "en",
        "Yair Lapid spoke.\nLapid told Army Radio the prime minister \u{201C}cares more about his coalition than about the hostages.\u{201D}",
        &[
            ("Yair Lapid", Person, "Yair Lapid"),
            ("Lapid", Person, "Yair Lapid"),
            ("Army Radio", Org, "Army Radio"),
        ],
    );
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1.as_deref(), Some("Yair Lapid"));
    assert!(
        s[0].0.starts_with("the prime minister \u{201C}cares more"),
        "{s:?}"
    );
}

#[test]
fn id_bare_clauses_after_menyebut() {
    let (s, _) = check(
        "id",
        "Pengamat politik Aditya Perdana menilai permintaan itu wajar.\nIa menyebut suhu politik mulai memanas.\nDia menyebut nama tersangka dalam sidang.",
        &[("Aditya Perdana", Person, "Aditya Perdana")],
    );
    assert_eq!(
        s,
        vec![seen(
            "suhu politik mulai memanas",
            Some("Aditya Perdana"),
            Some("menyebut"),
            Indirect
        )]
    );
}

#[test]
fn a_subject_after_the_dateline_that_opens_its_sentence() {
    // "Jakarta, 1/3 (ANTARA) - Bank Indonesia (BI) menyatakan ...": the dateline is no part
    // of the speaker.
    let text = "Inflasi terkendali\n\nJakarta, 1/3 (ANTARA) - Bank Indonesia (BI) menyatakan inflasi pada Februari tetap terkendali.";
    let (s, _) = check(
        "id",
        text,
        &[
            ("ANTARA", Org, "ANTARA"),
            ("Bank Indonesia", Org, "Bank Indonesia"),
            ("BI", Org, "Bank Indonesia"),
        ],
    );
    assert_eq!(
        s,
        vec![seen(
            "inflasi pada Februari tetap terkendali",
            Some("Bank Indonesia"),
            Some("menyatakan"),
            Indirect
        )]
    );
}

#[test]
fn en_pronoun_clauses_objects_and_connectives() {
    // "said they expect": a pronoun opens the clause (and is no speaker after a final cue);
    // "told an energy conference in Riyadh that": an object of several words; "Meanwhile,"
    // is the narrator's; "wants to ensure that" is an intention.
    let (s, _) = check(
        "en",
        "Goldman Sachs analysts, in a note dated Sunday, said they expect Brent to average $82 next year.\nSaudi Energy Minister Abdulaziz bin Salman told an energy conference in Riyadh that the kingdom would do whatever is necessary.\nMeanwhile, Chinese data released on Saturday showed factory activity contracted, the National Bureau of Statistics said.\nThe bank wants to ensure that prices stay stable this year.",
        &[
            ("Abdulaziz bin Salman", Person, "Abdulaziz bin Salman"),
            (
                "National Bureau of Statistics",
                Org,
                "National Bureau of Statistics",
            ),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "they expect Brent to average $82 next year",
                None,
                Some("said"),
                Indirect
            ),
            seen(
                "the kingdom would do whatever is necessary",
                Some("Abdulaziz bin Salman"),
                Some("told"),
                Indirect
            ),
            seen(
                "Chinese data released on Saturday showed factory activity contracted",
                Some("National Bureau of Statistics"),
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn ar_a_participle_after_a_cue_with_no_clause() {
    // "أعرب المنفي عن تقديره" is a feeling, no claim; "مؤكدا" still has المنفي for speaker.
    let (s, _) = check(
        "ar",
        "استقبل الرئيس الضيف.\nمن جانبه، أعرب المنفي عن تقديره للدور المصري، مؤكدا أن ليبيا تتطلع إلى تعزيز التعاون مع مصر.",
        &[("المنفي", Person, "Mohamed al-Menfi")],
    );
    assert_eq!(
        s,
        vec![seen(
            "ليبيا تتطلع إلى تعزيز التعاون مع مصر",
            Some("Mohamed al-Menfi"),
            Some("مؤكدا"),
            Indirect
        )]
    );
}

#[test]
fn id_an_intention_is_no_saying() {
    let (s, _) = check(
        "id",
        "Luhut hadir.\n\"Kami ingin memastikan jalur pelayaran di kawasan tetap aman dan terbuka,\" ujar Luhut.",
        &[("Luhut", Person, "Luhut Binsar Pandjaitan")],
    );
    assert_eq!(
        s,
        vec![seen(
            "Kami ingin memastikan jalur pelayaran di kawasan tetap aman dan terbuka",
            Some("Luhut Binsar Pandjaitan"),
            Some("ujar"),
            Direct
        )]
    );
}

#[test]
fn en_attributions_between_commas_and_after_appositives() {
    // ", Xi said, adding that": the attribution between commas, and the participle takes its
    // speaker; an appositive with an abbreviation ("R-Ky.") or an auxiliary after it ("has
    // said"); a verb in -s after a determiner and a noun ("said the package includes").
    let (s, _) = check(
        "en",
        "China is willing to deepen cooperation with Africa, Xi said, adding that China will provide financial support.\nSen. Mitch McConnell, R-Ky., said in a statement that Congress must act quickly.\nRep. Marjorie Taylor Greene, a Georgia Republican, has said she opposes further aid.\nDefense Secretary Lloyd Austin, speaking at a Pentagon briefing, said the package includes interceptors.",
        &[
            ("Xi", Person, "Xi Jinping"),
            ("Mitch McConnell", Person, "Mitch McConnell"),
            ("Marjorie Taylor Greene", Person, "Marjorie Taylor Greene"),
            ("Lloyd Austin", Person, "Lloyd Austin"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "China will provide financial support",
                Some("Xi Jinping"),
                Some("adding"),
                Indirect
            ),
            seen(
                "Congress must act quickly",
                Some("Mitch McConnell"),
                Some("said"),
                Indirect
            ),
            seen(
                "she opposes further aid",
                Some("Marjorie Taylor Greene"),
                Some("said"),
                Indirect
            ),
            seen(
                "the package includes interceptors",
                Some("Lloyd Austin"),
                Some("said"),
                Indirect
            ),
            seen(
                "China is willing to deepen cooperation with Africa",
                Some("Xi Jinping"),
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn ar_a_quotation_after_a_verb_without_its_subject() {
    // 'وتابع: "..."': the subject dropped, the person named last.
    let (s, _) = check(
        "ar",
        "وأفاد وزير الخارجية سيرغي لافروف بأن موسكو منفتحة على الحوار.\nوتابع: \"نحن مستعدون للتفاوض على أساس الواقع\".",
        &[("سيرغي لافروف", Person, "Sergei Lavrov")],
    );
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(
        s[1],
        seen(
            "نحن مستعدون للتفاوض على أساس الواقع",
            Some("Sergei Lavrov"),
            Some("تابع"),
            Direct
        )
    );
}

#[test]
fn id_a_comma_for_a_complementizer_before_a_prefixed_verb() {
    let (s, _) = check(
        "id",
        "Ketua Umum Ikatan Pedagang Pasar Indonesia (IKAPPI) Abdullah Mansuri mengatakan, kenaikan harga beras dipicu oleh berkurangnya pasokan.\nIa menyebut pemerintah segera menggelontorkan cadangan beras.",
        &[("Abdullah Mansuri", Person, "Abdullah Mansuri")],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "kenaikan harga beras dipicu oleh berkurangnya pasokan",
                Some("Abdullah Mansuri"),
                Some("mengatakan"),
                Indirect
            ),
            seen(
                "pemerintah segera menggelontorkan cadangan beras",
                Some("Abdullah Mansuri"),
                Some("menyebut"),
                Indirect
            ),
        ]
    );
}

#[test]
fn ar_according_to_a_statement_with_a_complementizer() {
    // "وبحسب البيان، فإن ...": the complementizer is no part of the content; "قولهم" cites
    // the witnesses, not the outlet.
    let (s, _) = check(
        "ar",
        "وبحسب البيان، فإن معظم الضحايا من النساء والأطفال في القطاع.\nونقلت الوكالة عن شهود عيان قولهم إن القصف استمر طوال الليل.",
        &[],
    );
    assert_eq!(
        s,
        vec![
            seen("القصف استمر طوال الليل", None, Some("قولهم"), Indirect),
            seen(
                "معظم الضحايا من النساء والأطفال في القطاع",
                None,
                Some("بحسب"),
                Indirect
            ),
        ]
    );
}

#[test]
fn id_an_inverted_cue_before_a_long_title() {
    let (s, _) = check(
        "id",
        "\"Para tersangka kami tangkap di wilayah Tangerang,\" tegas Kabid Humas Polda Metro Jaya Kombes Pol Ade Ary Syam Indradi di Jakarta, Rabu.",
        &[("Ade Ary Syam Indradi", Person, "Ade Ary Syam Indradi")],
    );
    assert_eq!(
        s,
        vec![seen(
            "Para tersangka kami tangkap di wilayah Tangerang",
            Some("Ade Ary Syam Indradi"),
            Some("tegas"),
            Direct
        )]
    );
}

#[test]
fn two_words_make_a_clause_after_a_complementizer() {
    // "المفاوضات متوقفة" after "إن": a claim; two words after a cue and a comma are none
    // (", Minister X said, Trend reports": the outlet's attribution, not a content).
    let (s, _) = check(
        "ar",
        "من جانبها، قالت حركة حماس إن المفاوضات متوقفة.",
        &[("حركة حماس", Org, "Hamas")],
    );
    assert_eq!(
        s,
        vec![seen(
            "المفاوضات متوقفة",
            Some("Hamas"),
            Some("قالت"),
            Indirect
        )]
    );
    let (s, _) = check(
        "en",
        "Output will rise next year, Minister Parviz Shahbazov said, Trend reports.",
        &[("Parviz Shahbazov", Person, "Parviz Shahbazov")],
    );
    assert!(s.iter().all(|c| c.0 != "Trend reports"), "{s:?}");
}

#[test]
fn en_roles_head_their_phrase_and_coordinated_titles() {
    // "official figures" names no official; "Ukrainian President X thanked ... but insisted
    // that": the clause's title and name; "RIYADH:" is the dateline, no part of the content.
    let (s, _) = check(
        "en",
        "Saudi Arabia, Egypt sign deals\n\nRIYADH: Saudi Arabia and Egypt signed 15 agreements on Monday, officials said.\nCrown Prince Mohammed bin Salman met the delegation.\nAccording to official figures, trade between the two countries reached $15 billion last year.\nUkrainian President Volodymyr Zelenskyy thanked Turkey for its mediation but insisted that any deal must respect Ukraine.",
        &[
            ("Mohammed bin Salman", Person, "Mohammed bin Salman"),
            ("Volodymyr Zelenskyy", Person, "Volodymyr Zelensky"),
            ("Ukrainian", records::EntityType::Norp, "Ukrainian"),
        ],
    );
    assert!(
        s.contains(&seen(
            "trade between the two countries reached $15 billion last year",
            None,
            Some("According to"),
            Indirect
        )),
        "{s:?}"
    );
    assert!(
        s.contains(&seen(
            "any deal must respect Ukraine",
            Some("Volodymyr Zelensky"),
            Some("insisted"),
            Indirect
        )),
        "{s:?}"
    );
    assert!(
        s.iter()
            .any(|c| c.0 == "Saudi Arabia and Egypt signed 15 agreements on Monday"),
        "{s:?}"
    );
}

#[test]
fn en_quoted_as_saying_names_the_speaker() {
    let text = "State media quoted President Xi Jinping as saying that China would open wider.\nXi was quoted as saying that reforms would continue.";
    let (s, claims) = check(
        "en",
        text,
        &[
            ("Xi Jinping", Person, "Xi Jinping"),
            ("Xi", Person, "Xi Jinping"),
        ],
    );
    assert_eq!(s.len(), 2, "{s:?}");
    let spans = speaker_texts("en", text, &claims);
    assert_eq!(spans, vec!["Xi Jinping", "Xi"]);
}

#[test]
fn id_a_pronoun_cue_with_circumstances_after_a_quotation() {
    let (s, _) = check(
        "id",
        "Bupati Cianjur Herman Suherman meninjau lokasi.\n\"Kami sudah mendirikan tenda darurat di lapangan,\" katanya kepada wartawan.",
        &[("Herman Suherman", Person, "Herman Suherman")],
    );
    assert_eq!(
        s,
        vec![seen(
            "Kami sudah mendirikan tenda darurat di lapangan",
            Some("Herman Suherman"),
            Some("katanya"),
            Direct
        )]
    );
}

#[test]
fn en_a_bare_clause_with_an_age_between_commas() {
    let (s, _) = check(
        "en",
        "Police said the suspect, 34, had been arrested near the border.\nPolice said the suspect, John, had fled.",
        &[],
    );
    assert_eq!(
        s,
        vec![seen(
            "the suspect, 34, had been arrested near the border",
            None,
            Some("said"),
            Indirect
        )]
    );
}

#[test]
fn en_an_appositive_subject_before_a_colon_and_a_quotation() {
    let text =
        "The chancellor, Rachel Reeves, said: \"Today's figures show we are turning a corner.\"";
    let (s, claims) = check("en", text, &[("Rachel Reeves", Person, "Rachel Reeves")]);
    assert_eq!(
        s,
        vec![seen(
            "Today's figures show we are turning a corner",
            Some("Rachel Reeves"),
            Some("said"),
            Direct
        )]
    );
    assert_eq!(speaker_texts("en", text, &claims), vec!["Rachel Reeves"]);
}

#[test]
fn en_a_final_cue_with_circumstances_opened_by_a_preposition() {
    let (s, _) = check(
        "en",
        "The re-employment age will also go up from 68 to 69, Dr Tan said in parliament during the debate on his ministry's budget.\nThe plan will work, the minister said the figures were wrong.",
        &[("Tan", Person, "Tan See Leng")],
    );
    assert_eq!(
        s,
        vec![
            // "the minister": the minister named before.
            seen(
                "the figures were wrong",
                Some("Tan See Leng"),
                Some("said"),
                Indirect
            ),
            seen(
                "The re-employment age will also go up from 68 to 69",
                Some("Tan See Leng"),
                Some("said"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_that_after_a_noun_and_before_a_verb_is_a_relative_pronoun() {
    let (s, _) = check(
        "en",
        "He said in a statement that was released on Monday.\nHe told reporters that prices would fall.",
        &[],
    );
    assert_eq!(
        s,
        vec![seen("prices would fall", None, Some("told"), Indirect)]
    );
}

#[test]
fn ar_an_appositive_and_circumstances_between_cue_and_complementizer() {
    let (s, _) = check(
        "ar",
        "وقال الدكتور حسام عبد الغفار، المتحدث الرسمي باسم وزارة الصحة والسكان، في بيان اليوم، إن الوزير تفقد عددا من المستشفيات.",
        &[("حسام عبد الغفار", Person, "حسام عبد الغفار")],
    );
    assert_eq!(
        s,
        vec![seen(
            "الوزير تفقد عددا من المستشفيات",
            Some("حسام عبد الغفار"),
            Some("قال"),
            Indirect
        )]
    );
}

#[test]
fn ar_a_verb_first_speaker_ends_before_a_glued_preposition() {
    let text = "قال وزير الخارجية الفرنسي ستيفان سيجورنيه للصحافيين في باريس إن الوضع الإنساني صعب.";
    let (s, claims) = check(
        "ar",
        text,
        &[("ستيفان سيجورنيه", Person, "ستيفان سيجورنيه")],
    );
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        speaker_texts("ar", text, &claims),
        vec!["وزير الخارجية الفرنسي ستيفان سيجورنيه"]
    );
}

#[test]
fn ar_circumstances_between_a_verb_first_subject_and_its_complementizer() {
    let (s, _) = check(
        "ar",
        "وقال البراك في تصريح لوكالة الأنباء الكويتية (كونا) على هامش مؤتمر الطاقة إن السوق النفطية تشهد استقرارا نسبيا.",
        &[("البراك", Person, "سعد البراك")],
    );
    assert_eq!(
        s,
        vec![seen(
            "السوق النفطية تشهد استقرارا نسبيا",
            Some("سعد البراك"),
            Some("قال"),
            Indirect
        )]
    );
}

#[test]
fn ar_a_participle_after_a_verb_with_an_object_takes_the_person_not_the_object() {
    let text = "نفى المتحدث باسم الجيش العميد نبيل عبد الله وجود عراقيل أمام وصول المساعدات، مشيرا إلى أن القوات الأخرى تنهب القوافل.";
    let (s, claims) = check("ar", text, &[("نبيل عبد الله", Person, "نبيل عبد الله")]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        speaker_texts("ar", text, &claims),
        vec!["المتحدث باسم الجيش العميد نبيل عبد الله"]
    );
}

#[test]
fn id_according_to_him_and_an_estimate() {
    let (s, _) = check(
        "id",
        "Ekonom Josua Pardede menilai keputusan itu wajar.\nMenurutnya, BI masih menunggu kepastian arah kebijakan The Fed.\nDavid Sumual memperkirakan BI akan memangkas suku bunga.",
        &[
            ("Josua Pardede", Person, "Josua Pardede"),
            ("David Sumual", Person, "David Sumual"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "BI akan memangkas suku bunga",
                Some("David Sumual"),
                Some("memperkirakan"),
                Indirect
            ),
            seen(
                "BI masih menunggu kepastian arah kebijakan The Fed",
                Some("Josua Pardede"),
                Some("Menurutnya"),
                Indirect
            ),
        ]
    );
}

#[test]
fn ar_an_honorific_before_a_role_named_after_its_holder() {
    let (s, _) = check(
        "ar",
        "استقبل الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى دولة السيد شهباز شريف رئيس وزراء باكستان.\nمن جانبه، أكد سمو الأمير أن دولة قطر تتطلع إلى تعزيز الشراكة مع باكستان.",
        &[
            ("تميم بن حمد آل ثاني", Person, "Tamim bin Hamad Al Thani"),
            ("شهباز شريف", Person, "Shehbaz Sharif"),
        ],
    );
    assert_eq!(
        s,
        vec![seen(
            "دولة قطر تتطلع إلى تعزيز الشراكة مع باكستان",
            Some("Tamim bin Hamad Al Thani"),
            Some("أكد"),
            Indirect
        )]
    );
}

#[test]
fn en_a_long_subject_with_prepositional_phrases() {
    let text = "Judge John A. Ross of the U.S. District Court for the Eastern District of Missouri wrote that the states were likely to succeed.";
    let (s, claims) = check("en", text, &[("John A. Ross", Person, "John A. Ross")]);
    assert_eq!(
        s,
        vec![seen(
            "the states were likely to succeed",
            Some("John A. Ross"),
            Some("wrote"),
            Indirect
        )]
    );
    assert_eq!(
        speaker_texts("en", text, &claims),
        vec!["Judge John A. Ross of the U.S. District Court for the Eastern District of Missouri"]
    );
}

#[test]
fn id_verbs_in_me_i_make_a_clause_and_a_request_is_the_askers_not_its_objects() {
    let (s, _) = check(
        "id",
        "Menteri Budi Santoso mengatakan pemerintah menyetujui usulan itu.\nAnggota DPR Suryadi Purnama meminta pemerintah memastikan kualitas air memenuhi standar.",
        &[
            ("Budi Santoso", Person, "Budi Santoso"),
            ("Suryadi Purnama", Person, "Suryadi Purnama"),
        ],
    );
    // The object of "meminta" is the subject of what is asked, not a speaker of "memastikan".
    assert_eq!(
        s,
        vec![
            seen(
                "pemerintah menyetujui usulan itu",
                Some("Budi Santoso"),
                Some("mengatakan"),
                Indirect
            ),
            seen(
                "pemerintah memastikan kualitas air memenuhi standar",
                Some("Suryadi Purnama"),
                Some("meminta"),
                Indirect
            )
        ]
    );
}

#[test]
fn ar_a_verb_first_speaker_ends_before_whom_it_was_said_to() {
    let text = "وقال محمد أبو باشا لرويترز إن الأسعار سترتفع.\nوقال برنامج الأغذية العالمي التابع للأمم المتحدة إن المجاعة تهدد الملايين.";
    let article = parse(text, Some("ar"));
    let mut ents = entities(
        &article,
        &[
            ("محمد أبو باشا", Person, "محمد أبو باشا"),
            ("برنامج الأغذية العالمي", Org, "World Food Programme"),
        ],
    );
    // The gazetteer's spans after a glued "ل", which whole-word matching does not make.
    for (surface, canonical) in [("رويترز", "Reuters"), ("لأمم المتحدة", "United Nations")]
    {
        let (si, at) = article
            .sentences
            .iter()
            .enumerate()
            .find_map(|(si, s)| {
                article.text[s.start..s.end]
                    .find(surface)
                    .map(|at| (si, at))
            })
            .expect("in the text");
        ents.push(Entity {
            sentence: si,
            start: at,
            end: at + surface.len(),
            label: Org,
            canonical_id: None,
            canonical_name: Some(canonical.to_string()),
            labelers: vec!["test".into()],
            confidence: 1.0,
        });
    }
    ents.sort_by_key(|e| (e.sentence, e.start));
    let claims = find_claims(&standard_claim_labelers(), &article, &ents, None);
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(
        speaker_texts("ar", text, &claims),
        vec!["محمد أبو باشا", "برنامج الأغذية العالمي التابع للأمم المتحدة"]
    );
}

#[test]
fn en_an_organisation_after_its_possessor_speaks() {
    let (s, _) = check(
        "en",
        "Israeli strikes hit several villages, according to Lebanon's state-run National News Agency.",
        &[
            ("Lebanon", Gpe, "Lebanon"),
            ("National News Agency", Org, "National News Agency"),
        ],
    );
    assert_eq!(
        s,
        vec![seen(
            "Israeli strikes hit several villages",
            Some("National News Agency"),
            Some("according to"),
            Indirect
        )]
    );
}

#[test]
fn en_an_inverted_attribution_is_no_clause_and_keeps_an_abbreviated_title() {
    let text = "\"The cows all died,\" says Adan, 46, standing beside her herd.\n\"Camels are the climate-smart livestock,\" explains Dr. Piers Simpkin, who has worked with herders.\nHe warns, however, that camel milk markets remain small.";
    let (s, claims) = check("en", text, &[("Piers Simpkin", Person, "Piers Simpkin")]);
    assert_eq!(
        s,
        vec![
            seen(
                "camel milk markets remain small",
                Some("Piers Simpkin"),
                Some("warns"),
                Indirect
            ),
            seen("The cows all died", None, Some("says"), Direct),
            seen(
                "Camels are the climate-smart livestock",
                Some("Piers Simpkin"),
                Some("explains"),
                Direct
            ),
        ]
    );
    assert_eq!(
        speaker_texts("en", text, &claims),
        vec!["He", "Adan", "Dr. Piers Simpkin"]
    );
}

#[test]
fn id_more_cues_take_a_bare_clause_but_not_a_noun_object() {
    let (s, _) = check(
        "id",
        "Ishiba menyampaikan Jepang siap mendukung program makan bergizi gratis.\nGubernur menyampaikan terima kasih kepada warga yang telah membantu.\nBPS mencatat inflasi Februari naik menjadi 2,75 persen.",
        &[
            ("Ishiba", Person, "Shigeru Ishiba"),
            ("BPS", Org, "Statistics Indonesia"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "Jepang siap mendukung program makan bergizi gratis",
                Some("Shigeru Ishiba"),
                Some("menyampaikan"),
                Indirect
            ),
            seen(
                "inflasi Februari naik menjadi 2,75 persen",
                Some("Statistics Indonesia"),
                Some("mencatat"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_a_participles_aside_with_a_comma_of_its_own() {
    let (s, _) = check(
        "en",
        "Harris, speaking in Augusta, Georgia, said the administration had approved six declarations.",
        &[("Harris", Person, "Kamala Harris")],
    );
    assert_eq!(
        s,
        vec![seen(
            "the administration had approved six declarations",
            Some("Kamala Harris"),
            Some("said"),
            Indirect
        )]
    );
}

#[test]
fn id_the_outlet_before_the_datelines_place_is_no_speaker() {
    let text = "Ekonomi tumbuh\n\nLiputan6.com, Jakarta - Menteri Airlangga Hartarto menyebut pertumbuhan ekonomi mencapai 5,05 persen.";
    let (s, claims) = check(
        "id",
        text,
        &[("Airlangga Hartarto", Person, "Airlangga Hartarto")],
    );
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        speaker_texts("id", text, &claims),
        vec!["Menteri Airlangga Hartarto"]
    );
}

/// Claims as the standard labelers find them (entities from the knowledge base and the name
/// rules, not given by the test): (content, speaker text, speaker canonical, cue).
fn labelled(lang: &str, text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let article = parse(text, Some(lang));
    let (_, claims) = label::Labelers::standard().label(&article);
    claims
        .iter()
        .map(|c| {
            let s = &article.sentences[c.sentence];
            let speaker = c.speaker.as_ref().expect("a speaker");
            (
                article.text[s.start..s.end][c.start..c.end].to_string(),
                mention_text(&article, speaker).to_string(),
                speaker.canonical_name.clone(),
                c.cue
                    .as_ref()
                    .map(|m| mention_text(&article, m).to_string()),
            )
        })
        .collect()
}

/// (content, speaker text) of [`labelled`] claims.
fn content_speaker(got: &[(String, String, Option<String>, Option<String>)]) -> Vec<(&str, &str)> {
    got.iter()
        .map(|(content, speaker, _, _)| (content.as_str(), speaker.as_str()))
        .collect()
}

/// (speaker text, speaker canonical) of [`labelled`] claims.
fn speaker_canonical(
    got: &[(String, String, Option<String>, Option<String>)],
) -> Vec<(&str, Option<&str>)> {
    got.iter()
        .map(|(_, speaker, canonical, _)| (speaker.as_str(), canonical.as_deref()))
        .collect()
}

/// (content, speaker text, cue text) of [`labelled`] claims.
fn content_speaker_cue(
    got: &[(String, String, Option<String>, Option<String>)],
) -> Vec<(&str, &str, &str)> {
    got.iter()
        .map(|(content, speaker, _, cue)| {
            (
                content.as_str(),
                speaker.as_str(),
                cue.as_deref().unwrap_or(""),
            )
        })
        .collect()
}

#[test]
fn ar_news_outlets_and_days_end_a_verb_first_speaker() {
    let got = labelled(
        "ar",
        "قالت ثلاثة مصادر مطلعة لرويترز يوم الثلاثاء إن السعودية تدرس زيادة إنتاجها.\n\
         وقال مسؤول خليجي لوكالة فرانس برس إن القرار لم يتخذ بعد.\n\
         وقال يوم الأحد وزير الخارجية إن الاجتماع انتهى.\n\
         أعلن الجيش، مساء الأحد، أنه قتل قياديا بارزا.\n\
         وقال المتحدث الرسمي لوزارة الخارجية إن الوفد وصل.",
    );
    let speakers: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|(_, s, c, _)| (s.as_str(), c.as_deref()))
        .collect();
    // Whom they spoke to is no speaker, and names none of them; "ل" is "of" before a ministry.
    assert_eq!(
        speakers,
        vec![
            ("ثلاثة مصادر مطلعة", None),
            ("مسؤول خليجي", None),
            ("وزير الخارجية", None),
            ("الجيش", None),
            ("المتحدث الرسمي لوزارة الخارجية", None),
        ],
        "{got:?}"
    );
}

#[test]
fn ar_more_participles_and_a_kicker_before_a_headlines_colon() {
    let got = labelled(
        "ar",
        "ألمانيا: شولتس يدعو إلى وقف فوري لإطلاق النار\n\n\
         أكد رئيس الحكومة عزيز أخنوش أن الحكومة ماضية في الورش، مبرزا أن أربعة ملايين أسرة استفادت من الدعم.\n\
         ودعا المستشار الألماني أولاف شولتس إلى الهدوء.",
    );
    let seen: Vec<(&str, &str)> = got
        .iter()
        .map(|(content, _, _, cue)| (content.as_str(), cue.as_deref().unwrap_or("")))
        .collect();
    // The place before the title's colon says nothing: the person after it is the subject.
    assert_eq!(
        seen,
        vec![
            ("الحكومة ماضية في الورش", "أكد"),
            ("أربعة ملايين أسرة استفادت من الدعم", "مبرزا"),
        ],
        "{got:?}"
    );
}

#[test]
fn id_a_comma_after_a_cue_opens_its_clause() {
    let (s, _) = check(
        "id",
        "Liliek Marhaendro Susilo menyebutkan, hingga hari ini tercatat 35 jamaah wafat di Tanah Suci.\n\
         Liliek Marhaendro Susilo mengatakan, di Jakarta, bahwa 35 jamaah wafat.\n\
         Liliek Marhaendro Susilo mengatakan, itu.",
        &[(
            "Liliek Marhaendro Susilo",
            Person,
            "Liliek Marhaendro Susilo",
        )],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "hingga hari ini tercatat 35 jamaah wafat di Tanah Suci",
                Some("Liliek Marhaendro Susilo"),
                Some("menyebutkan"),
                Indirect
            ),
            seen(
                "35 jamaah wafat",
                Some("Liliek Marhaendro Susilo"),
                Some("mengatakan"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_an_acronym_in_brackets_before_a_final_cue_and_short_past_verbs() {
    let (s, _) = check(
        "en",
        "Junior doctors will walk out for five days, the British Medical Association (BMA) has announced.\n\
         The agency said the attack used a variant of the ransomware.",
        &[
            (
                "British Medical Association",
                Org,
                "British Medical Association",
            ),
            ("BMA", Org, "British Medical Association"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the attack used a variant of the ransomware",
                None,
                Some("said"),
                Indirect
            ),
            seen(
                "Junior doctors will walk out for five days",
                Some("British Medical Association"),
                Some("announced"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_a_quotation_attributed_to_a_name_with_an_appositive() {
    let got = labelled(
        "en",
        "\"This is a clear attempt to intimidate anyone,\" Hossam Bahgat, the founder of the group, said.\n\
         \"The government is committed to ending its reliance on gas imports,\" Farhad Alaaldin, Sudani's foreign affairs adviser, told Al-Monitor.",
    );
    let seen = content_speaker_cue(&got);
    assert_eq!(
        seen,
        vec![
            (
                "This is a clear attempt to intimidate anyone",
                "Hossam Bahgat",
                "said"
            ),
            (
                "The government is committed to ending its reliance on gas imports",
                "Farhad Alaaldin",
                "told"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn en_long_titles_before_a_final_cue_and_nouns_after_an_inverted_one() {
    let got = labelled(
        "en",
        "Indonesia and Japan have agreed to strengthen cooperation in the energy sector, Coordinating Minister for Maritime Affairs and Investment Luhut Binsar Pandjaitan stated here on Thursday.\n\
         Bayraktar, for his part, emphasized the importance of the pipeline for Europe.\n\
         Exports hit a record high in 2023, says trade minister.",
    );
    let seen = content_speaker(&got);
    assert_eq!(
        seen,
        vec![
            (
                "Indonesia and Japan have agreed to strengthen cooperation in the energy sector",
                "Coordinating Minister for Maritime Affairs and Investment Luhut Binsar Pandjaitan"
            ),
            ("Exports hit a record high in 2023", "trade minister"),
        ],
        "{got:?}"
    );
}

#[test]
fn en_organisations_for_something_and_with_listed_fields_speak() {
    let got = labelled(
        "en",
        "The Egyptian Initiative for Personal Rights (EIPR) said those detained included students.\n\
         The Federal Authority for Identity, Citizenship, Customs and Port Security (ICP) said in a statement that the new rules would take effect.",
    );
    assert_eq!(
        speaker_canonical(&got),
        vec![
            (
                "The Egyptian Initiative for Personal Rights (EIPR)",
                Some("Egyptian Initiative for Personal Rights")
            ),
            (
                "The Federal Authority for Identity, Citizenship, Customs and Port Security (ICP)",
                Some("Federal Authority for Identity, Citizenship, Customs and Port Security")
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn headline_kickers_the_body_repeats_as_its_dateline_and_organisations_that_speak() {
    let kicker = labelled(
        "en",
        "Abu Dhabi: Schools to shift to remote learning as storm nears\n\nAbu Dhabi: All schools in Abu Dhabi will switch to distance learning on Tuesday.",
    );
    assert!(kicker.is_empty(), "{kicker:?}");
    let org = labelled(
        "en",
        "Kremlin: Putin has no plans to meet Zelensky soon\n\nThe talks have stalled since May.",
    );
    assert_eq!(org.len(), 1, "{org:?}");
    assert_eq!(org[0].2.as_deref(), Some("Kremlin"));
}

#[test]
fn ar_a_participle_takes_the_subject_of_a_sentences_opening_verb() {
    let text = "وأوضح عبدالله بن طوق المري أن المبادرة تستهدف ألف شركة.\n\
         من جهتها، رحبت غرفة تجارة دبي بالمبادرة، معتبرة أنها خطوة مهمة.";
    let (s, claims) = check(
        "ar",
        text,
        &[("عبدالله بن طوق المري", Person, "عبدالله بن طوق المري")],
    );
    assert_eq!(
        speaker_texts("ar", text, &claims),
        vec!["عبدالله بن طوق المري", "غرفة تجارة دبي"]
    );
    assert_eq!(
        s,
        vec![
            seen(
                "المبادرة تستهدف ألف شركة",
                Some("عبدالله بن طوق المري"),
                Some("أوضح"),
                Indirect
            ),
            // The chamber, not the minister named before.
            seen("خطوة مهمة", None, Some("معتبرة"), Indirect),
        ]
    );
}

#[test]
fn en_a_quotation_after_a_coordinated_cue_and_admissions() {
    let got = labelled(
        "en",
        "Chelsea boss Mauricio Pochettino admitted his side had been \"too soft\" and said: \"We need to learn from this quickly.\"",
    );
    let seen = content_speaker_cue(&got);
    assert_eq!(
        seen,
        vec![
            (
                "his side had been \"too soft\"",
                "Chelsea boss Mauricio Pochettino",
                "admitted"
            ),
            (
                "We need to learn from this quickly",
                "Mauricio Pochettino",
                "said"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn id_names_with_commas_and_acronyms_after_menurut_and_whom_it_was_said_to() {
    let got = labelled(
        "id",
        "Menurut Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), hujan dengan intensitas tinggi masih berpotensi terjadi.\n\
         Sementara itu, pengamat kebijakan publik dari Universitas Nusa Cendana, Ahmad Atang, kepada VOA mengatakan pemerintah perlu memastikan irigasi dibangun.",
    );
    let seen = content_speaker(&got);
    assert_eq!(
        seen,
        vec![
            (
                "pemerintah perlu memastikan irigasi dibangun",
                "Ahmad Atang"
            ),
            (
                "hujan dengan intensitas tinggi masih berpotensi terjadi",
                "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn en_final_cues_after_clauses_copulas_and_objects_are_no_attributions() {
    let got = labelled(
        "en",
        "The deal could be signed within weeks, said people familiar with the matter.\n\
         The outage was caused by a cyberattack, said the company.\n\
         Hamas said it killed three soldiers, a claim Israel has not confirmed.\n\
         Banks are already stretched across the region, the sector remains stressed.\n\
         Bayraktar, for his part, emphasized the importance of the pipeline for Europe.\n\
         Junior doctors will walk out for five days, the union has said.",
    );
    let seen = content_speaker(&got);
    assert_eq!(
        seen,
        vec![
            ("it killed three soldiers", "Hamas"),
            ("The deal could be signed within weeks", "people familiar"),
            ("The outage was caused by a cyberattack", "the company"),
            ("Junior doctors will walk out for five days", "the union"),
        ],
        "{got:?}"
    );
}

#[test]
fn headline_organisations_before_a_person_who_speaks_after_the_colon() {
    let got = labelled(
        "en",
        "EU: Borrell says ceasefire in Gaza is needed now\n\nThe EU's foreign policy chief Josep Borrell spoke in Brussels.",
    );
    assert!(
        got.iter().all(|(_, speaker, _, _)| speaker != "EU"),
        "{got:?}"
    );
}

#[test]
fn en_relative_clauses_in_a_speaker_are_about_its_head() {
    let got = labelled(
        "en",
        "The talks in Cairo stalled over the release of prisoners, two officials who declined to be named said.\n\
         \"We are close but not there,\" one official who asked not to be identified said.\n\
         Officials who met Vladimir Putin on Friday said that the deal was near.",
    );
    let seen: Vec<(&str, &str, Option<&str>)> = got
        .iter()
        .map(|(content, speaker, canonical, _)| {
            (content.as_str(), speaker.as_str(), canonical.as_deref())
        })
        .collect();
    // The whole phrase is the mention; the person inside its relative clause speaks not.
    assert_eq!(
        seen,
        vec![
            (
                "the deal was near",
                "Officials who met Vladimir Putin on Friday",
                None
            ),
            (
                "We are close but not there",
                "one official who asked not to be identified",
                None
            ),
            (
                "The talks in Cairo stalled over the release of prisoners",
                "two officials who declined to be named",
                None
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn id_bare_cues_before_passives_numbers_and_demonstratives() {
    let got = labelled(
        "id",
        "Kepala BMKG Dwikorita Karnawati mengatakan peningkatan curah hujan dipicu oleh gelombang atmosfer.\n\
         Kepala Pusat Data BNPB Abdul Muhari menyebut sebanyak 1.200 rumah tercatat terendam banjir.\n\
         Sejumlah ekonom menilai target itu menantang.\n\
         Bupati menjelaskan mekanisme penyaluran bantuan yang diberikan pemerintah.\n\
         Ia menyampaikan apresiasi kepada direktur utama perusahaan daerah.\n\
         Wali kota menyebut negara terbesar di kawasan itu.\n\
         Kapolres Budi Santoso mengatakan hal itu didampingi Kasat Reskrim di Mapolres.\n\
         Kepala BPBD Gatot Soebroto menyampaikan laporan itu saat ditemui wartawan di Surabaya.\n\
         Menteri Sri Mulyani menyampaikan pidato dihadapan anggota DPR di Jakarta.\n\
         Ia menjelaskan program tersebut melalui konferensi pers daring.",
    );
    // No relative clause's verb ("yang diberikan"), no noun ("direktur"), superlative
    // ("terbesar"), glued place ("dihadapan") or preposition ("melalui") with a verb's prefix,
    // no verb after a subordinator ("saat ditemui"), and no "hal itu" makes an object a clause.
    assert_eq!(
        content_speaker(&got),
        vec![
            (
                "peningkatan curah hujan dipicu oleh gelombang atmosfer",
                "Kepala BMKG Dwikorita Karnawati"
            ),
            (
                "sebanyak 1.200 rumah tercatat terendam banjir",
                "Kepala Pusat Data BNPB Abdul Muhari"
            ),
            ("target itu menantang", "Sejumlah ekonom"),
        ],
        "{got:?}"
    );
}

#[test]
fn ar_fronted_subjects_dates_in_a_long_subject_glued_sources_and_the_narrative_present() {
    let got = labelled(
        "ar",
        "قال وزير الخارجية أيمن الصفدي إن الوضع خطير.\n\
         وكانت بعثة الأمم المتحدة لمساعدة العراق قد حذرت من أن الأزمة تتفاقم.\n\
         أكد وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، السيد ناصر بوريطة، اليوم الخميس بالرباط، أن البلدين تجمعهما علاقات متميزة.\n\
         ووفقا لبيان الوزارة، فإن الاجتماع تناول التعاون بين البلدين.\n\
         ونقلت الوكالة عن الصفدي تأكيده أن الأردن يرفض التهجير.\n\
         وتشير الأرقام إلى ارتفاع الأسعار.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            ("الوضع خطير", "وزير الخارجية أيمن الصفدي", "قال"),
            ("الأزمة تتفاقم", "بعثة الأمم المتحدة لمساعدة العراق", "حذرت"),
            (
                "البلدين تجمعهما علاقات متميزة",
                "وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، السيد ناصر بوريطة",
                "أكد"
            ),
            ("الأردن يرفض التهجير", "الصفدي", "تأكيده"),
            (
                "الاجتماع تناول التعاون بين البلدين",
                "بيان الوزارة",
                "وفقا ل"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn en_party_tags_after_a_name_and_honorific_holders_by_given_name() {
    let got = labelled(
        "en",
        "Sen. Roger Wicker (R-Miss.) said the aid was vital.\n\
         But Sen. Josh Hawley (R-Mo.) said he would oppose the bill.\n\
         Senate Minority Leader Chuck Schumer (D-N.Y.) wrote that Democrats would provide the votes.\n\
         Former minister Tan Sri Mustapa Mohamed spoke in Kuala Lumpur.\n\
         \"Washington is watching,\" Mustapa told reporters.",
    );
    assert_eq!(
        speaker_canonical(&got),
        vec![
            ("Roger Wicker (R-Miss.)", Some("Roger Wicker")),
            ("Josh Hawley (R-Mo.)", Some("Josh Hawley")),
            (
                "Senate Minority Leader Chuck Schumer (D-N.Y.)",
                Some("Chuck Schumer")
            ),
            ("Mustapa", Some("Mustapa Mohamed")),
        ],
        "{got:?}"
    );
}

#[test]
fn en_replies_cautions_and_posts_on_social_media() {
    let got = labelled(
        "en",
        "He cautioned, however, that the deal was fragile.\n\
         Vice President JD Vance posted on X that the ruling was wrong.\n\
         The ministry replied that the claims were false.\n\
         He posted on X a video of the rally.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            ("the deal was fragile", "He", "cautioned"),
            (
                "the ruling was wrong",
                "Vice President JD Vance",
                "posted on X"
            ),
            ("the claims were false", "The ministry", "replied"),
        ],
        "{got:?}"
    );
}

#[test]
fn en_long_appositives_with_an_acronym_in_brackets() {
    let got = labelled(
        "en",
        "US Secretary of State Antony Blinken said on Monday that Washington stood by Manila.\n\
         Beijing-based analyst Zhou Bo, a retired senior colonel of the People's Liberation Army (PLA) and now a senior fellow at Tsinghua University's Centre for International Security and Strategy, said that China would avoid using its navy directly.",
    );
    assert_eq!(
        content_speaker(&got),
        vec![
            (
                "Washington stood by Manila",
                "US Secretary of State Antony Blinken"
            ),
            (
                "China would avoid using its navy directly",
                "Beijing-based analyst Zhou Bo"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn ar_the_head_of_an_organisation_is_no_one_named_before() {
    let got = labelled(
        "ar",
        "قال وزير الطاقة الأمير عبدالعزيز بن سلمان إن السوق مستقرة.\n\
         وقال رئيس أرامكو السعودية المهندس أمين الناصر إن الشركة ستواصل استثماراتها.",
    );
    let canonicals: Vec<Option<&str>> = got.iter().map(|(_, _, c, _)| c.as_deref()).collect();
    assert_eq!(canonicals.len(), 2, "{got:?}");
    assert_ne!(canonicals[1], canonicals[0], "{got:?}");
}

#[test]
fn ar_a_kana_inside_a_clause_fronts_no_subject() {
    let got = labelled(
        "ar",
        "قال وزير الخارجية أيمن الصفدي إن الوضع خطير.\n\
         وأضاف أن الوضع كان صعبا والجيش قد حذر من أن التصعيد سيستمر.",
    );
    assert!(
        got.iter()
            .all(|(_, speaker, _, _)| !speaker.contains("صعبا")),
        "{got:?}"
    );
}

#[test]
fn id_degrees_and_titles_around_a_speaker_are_no_speaker() {
    let got = labelled(
        "id",
        "Dirjen Otonomi Daerah Kemendagri Ir. Bambang Suharyanto, M.Si mengatakan pemerintah terbuka terhadap masukan.\n\
         Usai sidang, kuasa hukum Rahmat, Dedi Kurniadi Harahap, S.H., M.H., mengatakan kliennya masih pikir-pikir.\n\
         Sekretaris Daerah DIY, Ir. Gatot Suryo Handoko, saat dikonfirmasi terpisah mengatakan pembangunan akan dipercepat.\n\
         Ketua RT setempat, H. Sulaiman, mengungkapkan warga sudah lama resah.",
    );
    assert_eq!(
        speaker_canonical(&got),
        vec![
            ("Bambang Suharyanto", Some("Bambang Suharyanto")),
            ("Dedi Kurniadi Harahap", Some("Dedi Kurniadi Harahap")),
            ("Gatot Suryo Handoko", Some("Gatot Suryo Handoko")),
            ("H. Sulaiman", Some("Sulaiman")),
        ],
        "{got:?}"
    );
}

#[test]
fn id_more_bare_cues() {
    let got = labelled(
        "id",
        "Ketua Komisi II DPR Arif Maulana Siregar mengaku pihaknya belum menjadwalkan rapat kerja.\n\
         Pelatih PSS Sleman, Marcelo Duarte, mengaku puas dengan penampilan anak asuhnya.\n\
         Direktur Eksekutif Perludem Kirana Puspitasari berpendapat revisi itu berpotensi mengganggu kepastian hukum.\n\
         Kapolres mengingatkan masyarakat akan bahaya penipuan yang mengatasnamakan polisi.\n\
         Nenek Siti bercerita panjang lebar tentang pengalamannya menjadi buruh migran.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            (
                "pihaknya belum menjadwalkan rapat kerja",
                "Ketua Komisi II DPR Arif Maulana Siregar",
                "mengaku"
            ),
            (
                "revisi itu berpotensi mengganggu kepastian hukum",
                "Direktur Eksekutif Perludem Kirana Puspitasari",
                "berpendapat"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn en_a_capitalised_noun_is_no_cue_but_a_title_case_verb_is() {
    let got = labelled(
        "en",
        "The Union Minister told reporters that consultations with all basin States had been completed.\n\
         Biden Says Economy Is Strong\n\
         Zelensky Visits Front Line and Says Counteroffensive Is Going to Plan\n\
         Detective Inspector Sarah Holt said the suspect was arrested at his home and denied bail by magistrates.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            (
                "consultations with all basin States had been completed",
                "The Union Minister",
                "told"
            ),
            ("Economy Is Strong", "Biden", "Says"),
            (
                "Counteroffensive Is Going to Plan",
                "Zelensky Visits Front Line",
                "Says"
            ),
            (
                "the suspect was arrested at his home and denied bail by magistrates",
                "Detective Inspector Sarah Holt",
                "said"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn ar_the_narrators_own_clause_ends_a_content() {
    let got = labelled(
        "ar",
        "ولفت الكواري إلى أن التنسيق مع القاهرة «على أعلى المستويات»، نافيا صحة التقارير عن انسحاب قطر.\n\
         ويرى المحلل سامر الدجاني أن نتنياهو يماطل لكسب الوقت، وهو رأي يشاطره فيه عدد من المحللين.\n\
         وقالت الوزيرة إن المعابر يجب أن تفتح، داعية إسرائيل إلى السماح بدخول الوقود.\n\
         وأشار التقرير إلى أن الشركة تلقت أكثر من مئة شكوى، وهي ما زالت قيد الدراسة.\n\
         وقال الوزير إن القوات دخلت المدينة من ثلاثة محاور، دون أن تتكبد أي خسائر.\n\
         وقال عمرو خالد، وهو داعية مصري معروف، إن الشباب بحاجة إلى الأمل.",
    );
    let contents: Vec<&str> = got.iter().map(|(c, _, _, _)| c.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "التنسيق مع القاهرة «على أعلى المستويات»",
            "نتنياهو يماطل لكسب الوقت",
            "المعابر يجب أن تفتح",
            "الشركة تلقت أكثر من مئة شكوى، وهي ما زالت قيد الدراسة",
            "القوات دخلت المدينة من ثلاثة محاور، دون أن تتكبد أي خسائر",
            "الشباب بحاجة إلى الأمل",
        ],
        "{got:?}"
    );
}

#[test]
fn ar_a_headlines_role_is_the_person_the_body_introduces() {
    let got = labelled(
        "ar",
        "وزير الطاقة اللبناني لـ«الشرق الأوسط»: لا كهرباء 24 ساعة قبل 2026\n\
         بيروت - قال وزير الطاقة جوزيف أبي نادر إن الخطة تعتمد على الغاز المصري.",
    );
    let mut speakers = speaker_canonical(&got);
    speakers.sort();
    assert_eq!(
        speakers,
        vec![
            ("وزير الطاقة اللبناني", Some("جوزيف أبي نادر")),
            ("وزير الطاقة جوزيف أبي نادر", Some("جوزيف أبي نادر")),
        ],
        "{got:?}"
    );
    // A role the body does not introduce names no one: no claim.
    let got = labelled(
        "ar",
        "مراسلنا: الأسواق هادئة في يوم العطلة الطويلة\nبيروت - شهدت الأسواق حركة خفيفة.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn two_parties_named_together_are_a_joint_source() {
    let got = labelled(
        "id",
        "Mesir dan Yordania sepakat bahwa solusi dua negara merupakan satu-satunya jalan keluar.",
    );
    assert_eq!(
        speaker_canonical(&got),
        vec![("Mesir dan Yordania", Some("Egypt; Jordan"))],
        "{got:?}"
    );
    let got = labelled(
        "en",
        "China and Russia agreed that the sanctions were illegal.\n\
         The ministry and its partners said the talks would resume.",
    );
    assert_eq!(
        speaker_canonical(&got)[0],
        ("China and Russia", Some("China; Russia")),
        "{got:?}"
    );
    assert!(
        got.iter().all(
            |(_, _, canonical, _)| canonical.as_deref() != Some("China; Russia")
                || got[0].1 == "China and Russia"
        ),
        "{got:?}"
    );
}

#[test]
fn ar_a_glued_conjunction_is_no_part_of_according_to() {
    let got = labelled(
        "ar",
        "وبحسب البيان، فإن الأثر المالي للمشروعين سينعكس على نتائج الشركة.\n\
         وحسب بلاغ للجنة المنظمة، فإن 45 ألف تذكرة بيعت في ظرف ساعات.",
    );
    let cues: Vec<Option<&str>> = got.iter().map(|(_, _, _, cue)| cue.as_deref()).collect();
    assert_eq!(cues, vec![Some("بحسب"), Some("حسب")], "{got:?}");
}

#[test]
fn en_an_age_between_commas_and_roles_named_before() {
    let got = labelled(
        "en",
        "Somporn Inthawong, 56, a noodle vendor near the border market, said she had lost everything.\n\
         Justice R. Kalaiselvi granted bail on Monday.\n\
         \"Personal liberty cannot be curtailed merely on that ground,\" the judge wrote.\n\
         The opposition leader Ahmed Ali visited the dam on Sunday.\n\
         The senator said the bill would be signed on Tuesday.",
    );
    let mut speakers = speaker_canonical(&got);
    speakers.sort();
    assert_eq!(
        speakers,
        vec![
            ("Somporn Inthawong", Some("Somporn Inthawong")),
            ("The senator", None),
            ("the judge", Some("R. Kalaiselvi")),
        ],
        "{got:?}"
    );
}

#[test]
fn id_a_role_with_a_demonstrative_and_interposed_attributions() {
    let got = labelled(
        "id",
        "Wakil Ketua DPR RI Hendra Saputra Wibisono hadir dalam rapat itu.\n\
         Politikus Partai Golkar itu menegaskan bahwa DPR akan menggelar rapat dengar pendapat umum.\n\
         Yang terpenting, kata Hendra, warga mulai menampung air hujan sejak sekarang.\n\
         Warga, lanjutnya, berencana mengaktifkan kembali ronda malam.\n\
         Jalan itu, kata warga, rusak.",
    );
    assert_eq!(
        content_speaker(&got),
        vec![
            (
                "DPR akan menggelar rapat dengar pendapat umum",
                "Politikus Partai Golkar itu"
            ),
            ("warga mulai menampung air hujan sejak sekarang", "Hendra"),
            ("berencana mengaktifkan kembali ronda malam", "lanjutnya"),
        ],
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(_, _, canonical, _)| canonical.as_deref() == Some("Hendra Saputra Wibisono")),
        "{got:?}"
    );
}

#[test]
fn id_a_role_before_an_unknown_name_is_no_one_named_before() {
    let got = labelled(
        "id",
        "Sidang dibuka oleh Ketua Majelis Hakim Suryo Adinegoro.\n\
         \"Terdakwa selaku pengguna anggaran mengetahui adanya penggelembungan harga,\" kata hakim Ratna saat membacakan pertimbangan.",
    );
    assert!(
        got.iter()
            .all(|(_, _, canonical, _)| canonical.as_deref() != Some("Suryo Adinegoro")),
        "{got:?}"
    );
}

#[test]
fn ar_subjects_before_their_verb_asides_addressees_and_coordinated_verbs() {
    let got = labelled(
        "ar",
        "قال وزير الخارجية أيمن الصفدي إن الحكومة ستعمل على ذلك.\n\
         غير أن المحللة المالية ريم السويدي اعتبرت أن المخاطر لا تزال قائمة، وأشارت إلى أن الأحجام تأثرت بالتوترات.\n\
         أما الطبيبة المتطوعة رنا الشوا فتقول إن حالات سوء التغذية تضاعفت.\n\
         المشجع إبراهيم القيسي، الذي قطع المسافة من إربد، قال إن هذا الجيل يستحق الفوز.\n\
         هيئة الدفاع، من جهتها، اعتبرت أن الحكم قاس وغير متناسب.\n\
         المواطن سليمان النوافلة قال لـ\"الرأي\" إن المياه دخلت منزله.\n\
         في المقابل، رحبت الهيئة العامة لمكافحة الفساد بالحكم، وقالت في بيان إن الحكم عادل.\n\
         أما رئيس جمعية رجال الأعمال، المهندس علي عيسى الدسوقي، فاعتبر أن القرار يمنح القطاع فرصة.\n\
         الوزيرة قالت إن مدة المعالجة ستنخفض كثيرا.\n\
         وأوضح مدير الدفاع المدني في إقليم الجنوب العقيد فراس الطراونة، أن الفرق عملت طوال الليل.\n\
         لكنه حذر من أن الأمطار ستعود غدا.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            ("الحكومة ستعمل على ذلك", "وزير الخارجية أيمن الصفدي", "قال"),
            (
                "المخاطر لا تزال قائمة",
                "المحللة المالية ريم السويدي",
                "اعتبرت"
            ),
            ("الأحجام تأثرت بالتوترات", "ريم السويدي", "أشارت"),
            (
                "حالات سوء التغذية تضاعفت",
                "الطبيبة المتطوعة رنا الشوا",
                "تقول"
            ),
            ("هذا الجيل يستحق الفوز", "المشجع إبراهيم القيسي", "قال"),
            ("الحكم قاس وغير متناسب", "هيئة الدفاع", "اعتبرت"),
            ("المياه دخلت منزله", "المواطن سليمان النوافلة", "قال"),
            ("الحكم عادل", "الهيئة العامة لمكافحة الفساد", "قالت"),
            (
                "القرار يمنح القطاع فرصة",
                "رئيس جمعية رجال الأعمال، المهندس علي عيسى الدسوقي",
                "اعتبر"
            ),
            ("مدة المعالجة ستنخفض كثيرا", "الوزيرة", "قالت"),
            (
                "الفرق عملت طوال الليل",
                "مدير الدفاع المدني في إقليم الجنوب العقيد فراس الطراونة",
                "أوضح"
            ),
            // "لكنه": "but he", the last person named.
            (
                "الأمطار ستعود غدا",
                "مدير الدفاع المدني في إقليم الجنوب العقيد فراس الطراونة",
                "حذر"
            ),
        ],
        "{got:?}"
    );
    assert_eq!(
        speaker_canonical(&got)[8..11],
        [
            (
                "رئيس جمعية رجال الأعمال، المهندس علي عيسى الدسوقي",
                Some("علي عيسى الدسوقي")
            ),
            ("الوزيرة", None),
            (
                "مدير الدفاع المدني في إقليم الجنوب العقيد فراس الطراونة",
                Some("فراس الطراونة")
            ),
        ]
    );
}

#[test]
fn ar_a_fronted_phrase_is_no_subject_after_a_conjunction_or_a_verb_of_its_own() {
    // "حيث" and "كما" open a clause whose verb comes first; "وأكد" is the narrator's
    // pro-drop; an imperfect verb glued to "و" goes on with a content's own subject.
    let got = labelled(
        "ar",
        "وقال وزير الخارجية أيمن الصفدي إن الأردن يرفض التهجير.\n\
         حيث أكد أن الحل السياسي هو الطريق الوحيد.\n\
         وقال علييف إن بلاده تلتزم بمبدأ صين واحدة، وتصر على أن تايوان جزء من الصين.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            ("الأردن يرفض التهجير", "وزير الخارجية أيمن الصفدي", "قال"),
            (
                "الحل السياسي هو الطريق الوحيد",
                "وزير الخارجية أيمن الصفدي",
                "أكد"
            ),
            (
                "بلاده تلتزم بمبدأ صين واحدة، وتصر على أن تايوان جزء من الصين",
                "علييف",
                "قال"
            ),
            ("تايوان جزء من الصين", "بلاده", "تصر"),
        ],
        "{got:?}"
    );
}

#[test]
fn en_contractions_open_a_clause_and_testimony_verbs_are_cues() {
    let got = labelled(
        "en",
        "Measles spreads in Texas\n\
         Nurses said they’re running out of time.\n\
         The government insisted the measure had been agreed with the lenders.\n\
         Helen Rigg defended the defences, insisting they had done their job.\n\
         Dr. Aaron Whitfield tells NPR the outbreak is likely much larger than the official count.\n\
         A senior party leader admitted that the timing of the ordinance had been poor.\n\
         Three land agents testified that they had paid the accused.\n\
         Dozens of homes were flooded, with residents saying the water rose faster than in 2009.\n\
         Margaret Hindle, 74, said she woke at 03:00 GMT to find water pouring in.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            ("they’re running out of time", "Nurses", "said"),
            (
                "the measure had been agreed with the lenders",
                "The government",
                "insisted"
            ),
            ("they had done their job", "Helen Rigg", "insisting"),
            (
                "the outbreak is likely much larger than the official count",
                "Aaron Whitfield",
                "tells"
            ),
            (
                "the timing of the ordinance had been poor",
                "A senior party leader",
                "admitted"
            ),
            (
                "they had paid the accused",
                "Three land agents",
                "testified"
            ),
            // "with" opens an absolute clause, no part of its subject.
            ("the water rose faster than in 2009", "residents", "saying"),
            // A colon between digits is a time's.
            (
                "she woke at 03:00 GMT to find water pouring in",
                "Margaret Hindle",
                "said"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn en_whom_a_colon_quote_was_told_to_and_a_towns_kicker_are_no_speakers() {
    let got = labelled(
        "en",
        "Pune: Two held for duping senior citizen of his savings\n\
         Council leader Mark Fryer told the BBC: \"Our priority is getting people somewhere safe.\"",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![(
            "Our priority is getting people somewhere safe",
            "Council leader Mark Fryer",
            "told"
        )],
        "{got:?}"
    );
    // A country before a headline's colon speaks for its government.
    let got = labelled(
        "en",
        "Ukraine: Russia must pay for the damage it caused\nOfficials met in Kyiv on Monday.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![("Russia must pay for the damage it caused", "Ukraine", "")],
        "{got:?}"
    );
}

#[test]
fn id_more_cues_bare_clauses_offices_named_again_and_headline_speakers_after_the_news() {
    let got = labelled(
        "id",
        "Pemerintah Pangkas Kuota Produksi Nikel 2025, Analis: Harga Bisa Terkerek\n\
         Analis komoditas Farhan Rizaldi menilai harga akan naik.\n\
         Kapolrestabes Medan Kombes Pol Aldo Pranata Simanjuntak mengatakan pelaku sudah ditangkap.\n\
         Kapolrestabes menambahkan, polisi masih memburu dua pelaku lain yang berperan sebagai penadah.\n\
         Lebih lanjut dikatakannya, dari tangan para pelaku polisi menyita dua bilah parang.\n\
         Ia menyebut ada 12 lansia dan 9 balita di lingkungannya yang perlu perhatian khusus.\n\
         \"Alasan-alasan yang disampaikan hanyalah dalih,\" tulis ICW.\n\
         Dedeh Kurniasih (56) bilang, ia terbangun karena lemari di kamarnya roboh.\n\
         Wakil Ketua Komisi III DPR Rahmat Hidayatullah mengatakan rapat kerja akan ditunda.\n\
         Ketua Komisi III DPR, yang memimpin rapat, memastikan pembahasan akan dilanjutkan pekan depan.\n\
         Rapat kerja Komisi III DPR dengan pemerintah, Selasa (15/10/2024), tidak mencapai kata sepakat.",
    );
    // Claims come in the labellers' order: cues with a clause, quotations, "according to",
    // headlines.
    assert_eq!(
        speaker_canonical(&got),
        vec![
            ("Analis komoditas Farhan Rizaldi", Some("Farhan Rizaldi")),
            (
                "Kapolrestabes Medan Kombes Pol Aldo Pranata Simanjuntak",
                Some("Aldo Pranata Simanjuntak")
            ),
            // An office named again alone.
            ("Kapolrestabes", Some("Aldo Pranata Simanjuntak")),
            ("dikatakannya", Some("Aldo Pranata Simanjuntak")),
            ("Ia", Some("Aldo Pranata Simanjuntak")),
            ("Dedeh Kurniasih (56)", Some("Dedeh Kurniasih")),
            (
                "Wakil Ketua Komisi III DPR Rahmat Hidayatullah",
                Some("Rahmat Hidayatullah")
            ),
            // The deputy chair is not the chair; "kata sepakat" is no cue.
            ("Ketua Komisi III DPR", None),
            ("ICW", Some("Indonesia Corruption Watch")),
            // A role after the news in a headline: the person the body introduces with it.
            ("Analis", Some("Farhan Rizaldi")),
        ],
        "{got:?}"
    );
    assert_eq!(
        got.iter()
            .map(|(_, _, _, cue)| cue.as_deref().unwrap_or(""))
            .collect::<Vec<_>>(),
        [
            "menilai",
            "mengatakan",
            "menambahkan",
            "dikatakannya",
            "menyebut",
            "bilang",
            "mengatakan",
            "memastikan",
            "tulis",
            ""
        ]
    );
}

#[test]
fn ar_headline_parts_after_two_periods_cited_sources_and_more_verbs() {
    let got = labelled(
        "ar",
        "مونتيرو: الهلال لعب بعقلية البطل.. ومدرب الاتحاد: الحكم أفسد المباراة\n\
         وقال مدرب الهلال البرتغالي جورجي مونتيرو إن الفريق لعب جيدا.\n\
         وحسبما ذكرت وكالة رويترز نقلا عن مصادر حكومية، فإن مصر تلقت الشريحة الثالثة من القرض.\n\
         وكانت سيول مماثلة ضربت المدينة في 2018 وأسفرت عن إخلاء نحو 3700 سائح، وفق ما ذكرته السلطات آنذاك.\n\
         \"القضية أخذت وقتها الكافى من التحقيق\"، هكذا علق المستشار الشاذلى عقب الجلسة.\n\
         وأردف الصافي: \"الأعمال الإنشائية ستنطلق مطلع العام المقبل\".\n\
         من جهته، يرى هاني عبد الحكيم أن السوق استوعبت القرار، متوقعا أن يبدأ البنك في خفض تدريجي للفائدة.",
    );
    let mut got: Vec<_> = content_speaker_cue(&got);
    got.sort();
    let mut want = vec![
        ("الهلال لعب بعقلية البطل", "مونتيرو", ""),
        // The headline's second part, without its glued conjunction.
        ("الحكم أفسد المباراة", "مدرب الاتحاد", ""),
        (
            "الفريق لعب جيدا",
            "مدرب الهلال البرتغالي جورجي مونتيرو",
            "قال",
        ),
        // An outlet and the source it cites; the verb inside "حسبما ذكرت" is no claim of its own.
        (
            "مصر تلقت الشريحة الثالثة من القرض",
            "وكالة رويترز",
            "حسبما ذكرت",
        ),
        (
            "مصر تلقت الشريحة الثالثة من القرض",
            "مصادر حكومية",
            "نقلا عن",
        ),
        (
            "وكانت سيول مماثلة ضربت المدينة في 2018 وأسفرت عن إخلاء نحو 3700 سائح",
            "السلطات",
            "وفق ما ذكرته",
        ),
        // After the quotation: the speaker ends where circumstances begin.
        (
            "القضية أخذت وقتها الكافى من التحقيق",
            "المستشار الشاذلى",
            "علق",
        ),
        ("الأعمال الإنشائية ستنطلق مطلع العام المقبل", "الصافي", "أردف"),
        ("السوق استوعبت القرار", "هاني عبد الحكيم", "يرى"),
        (
            "يبدأ البنك في خفض تدريجي للفائدة",
            "هاني عبد الحكيم",
            "متوقعا",
        ),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn headlines_that_open_with_their_quotation_have_no_speaker_before_the_colon() {
    let got = labelled(
        "en",
        "'We rebuild a school, they bomb it again': Kharkiv volunteer on life near the front\n\
         Volunteers in Kharkiv rebuild schools every month.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn id_an_appositive_name_after_an_abbreviated_title_is_the_speaker() {
    let got = labelled(
        "id",
        "Judul berita\n\
         Warga bernama Ujang Sopandi mengaku takut. Ia menyebut ada 12 lansia di lingkungannya.\n\
         Kepala Pusat Gempabumi dan Tsunami BMKG, Dr. Wahyu Hendrawan, menjelaskan gempa termasuk jenis gempa dangkal.",
    );
    assert_eq!(
        speaker_canonical(&got),
        vec![
            ("Ia", Some("Ujang Sopandi")),
            ("Dr. Wahyu Hendrawan", Some("Wahyu Hendrawan")),
        ],
        "{got:?}"
    );
}

#[test]
fn en_relative_clauses_and_appositives_around_a_quotations_speaker() {
    let got = labelled(
        "en",
        "Title here\n\
         Three people have been arrested, according to Police Commander Anne Wambui Mutua, who said the suspects were found with metal bars.\n\
         The complainant received a call from a man in police uniform who claimed that a parcel in his name had been seized.\n\
         \"We are watching a catastrophe unfold in slow motion,\" WFP’s Sudan country director, Jean-Claude Mbaye, told Al Jazeera.\n\
         \"They kept me on video call day and night,\" the complainant, who did not wish to be named, told TOI.",
    );
    let mut got: Vec<_> = content_speaker_cue(&got);
    got.sort();
    let mut want = vec![
        (
            "the suspects were found with metal bars",
            "Anne Wambui Mutua",
            "said",
        ),
        (
            "Three people have been arrested",
            "Police Commander Anne Wambui Mutua",
            "according to",
        ),
        (
            "a parcel in his name had been seized",
            "a man in police uniform",
            "claimed",
        ),
        (
            "We are watching a catastrophe unfold in slow motion",
            "Jean-Claude Mbaye",
            "told",
        ),
        (
            "They kept me on video call day and night",
            "the complainant",
            "told",
        ),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn id_a_quotations_speaker_ends_at_circumstances_and_a_verdicts_first_word_is_no_cue() {
    let got = labelled(
        "id",
        "Judul\n\
         \"Saya perkirakan oversubscribed,\" kata dia kepada Kontan.co.id, Senin (14/10).\n\
         \"Kemenangan ini untuk Bonek,\" ujar pelatih asal Brasil itu dalam konferensi pers usai laga.\n\
         \"Menyatakan terdakwa Hendarto Wibisono terbukti secara sah dan meyakinkan bersalah,\" kata ketua majelis hakim Dr. Haryadi Setiawardhana saat membacakan amar putusan.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            ("Saya perkirakan oversubscribed", "dia", "kata"),
            (
                "Kemenangan ini untuk Bonek",
                "pelatih asal Brasil itu",
                "ujar"
            ),
            (
                "Menyatakan terdakwa Hendarto Wibisono terbukti secara sah dan meyakinkan bersalah",
                "ketua majelis hakim Dr. Haryadi Setiawardhana",
                "kata"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn ar_circumstances_before_a_verb_are_no_subject_and_a_hosts_guest_is_no_speaker() {
    // From the review of the fronted-subject rule: a phrase opened by a glued "و", a time or an
    // adverb goes on from the sentence before; the person after "خلال استقباله" is the guest.
    let got = labelled(
        "ar",
        "قال مدير إدارة الأرصاد الجوية رائد آل خطاب إن المنخفض يصل مساء الخميس.\n\
         وعن كميات الأمطار المتوقعة قال إنها قد تتجاوز 50 ملم في المرتفعات الشمالية.\n\
         وفي ختام الاجتماع، الذي استمر ساعتين، أكد أن الحزمة ستشمل القطاع السياحي.\n\
         واليوم أكد أن الوضع تحت السيطرة.\n\
         وبدوره أكد أن 120 فرقة انتشرت في المحافظات.\n\
         أكد الرئيس عبد الفتاح السيسي خلال استقباله وزير الخارجية الأمريكي أنتوني بلينكن أن مصر ترفض تهجير الفلسطينيين.\n\
         وقال المتحدث باسم مديرية الأمن العام إن الأجهزة الأمنية داهمت مستودعا وكشفت عن كميات كبيرة من الحبوب.",
    );
    assert_eq!(got.len(), 7, "{got:?}");
    // The speakers of the follow-up statements are the one in play, never the circumstance.
    for (content, speaker, canonical, _) in &got[1..5] {
        assert!(
            canonical.as_deref() == Some("رائد آل خطاب") && !speaker.contains("الاجتماع"),
            "{content}: {speaker} {canonical:?}"
        );
    }
    assert_eq!(got[5].2.as_deref(), Some("Abdel Fattah el-Sisi"), "{got:?}");
    // A verb coordinated without a comma goes on with the content's own subject.
    assert_eq!(
        got[6].0,
        "الأجهزة الأمنية داهمت مستودعا وكشفت عن كميات كبيرة من الحبوب"
    );
}

#[test]
fn headlines_with_a_label_or_a_date_before_the_colon_and_a_quotation_in_two_parts() {
    for title in [
        "Jadwal Imsakiyah Jakarta Hari Ini, Kamis 14 Maret 2024: Subuh Pukul 04.37 WIB",
        "Hasil Liga Inggris Tadi Malam, Skor Akhir: Arsenal Menang 2-1 atas Chelsea",
    ] {
        let got = labelled(
            "id",
            &format!("{title}\nPertandingan berlangsung di London."),
        );
        assert!(got.is_empty(), "{title}: {got:?}");
    }
    let got = labelled(
        "ar",
        "سامح شكري: نرفض التدخل في شؤوننا الداخلية.. ونطالب باحترام سيادة الدول\n\
         وقال وزير الخارجية سامح شكري إن مصر تتابع الموقف.",
    );
    assert_eq!(
        got[got.len() - 1].0,
        "نرفض التدخل في شؤوننا الداخلية.. ونطالب باحترام سيادة الدول"
    );
}

#[test]
fn en_stories_told_and_goals_conceded_are_no_claims() {
    let got = labelled(
        "en",
        "Title here\n\
         The film tells the story of a family who fled the war in 1948.\n\
         Chelsea conceded twice in the second half and were booed off.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn en_headline_roles_without_a_holder_and_quotations_before_the_colon() {
    // The guidelines' own example: a role whose holder the body does not name.
    let got = labelled(
        "en",
        "Minister: Relations develop successfully\nThe minister spoke in Baku on Monday.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![("Relations develop successfully", "Minister", "")]
    );
    // The quotation first and its speaker after the colon; a place's people are no speaker.
    let got = labelled(
        "en",
        "‘Heat is the new haze’: NEA chief on how Singapore is preparing for hotter days\n\
         The agency published its plan on Monday.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![("Heat is the new haze", "NEA chief", "")]
    );
    let got = labelled(
        "en",
        "'We rebuild a school, they bomb it again': Kharkiv volunteer on life near the front\n\
         Volunteers in Kharkiv rebuild schools every month.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn ar_names_and_roles_after_a_glued_conjunction_and_coordinated_verbs_after_a_comma() {
    // From the second review: after "و" a name or a role is a subject; a verb of saying
    // coordinated after a comma with a clause of its own ends a content.
    let got = labelled(
        "ar",
        "قال وزير الخارجية الأردني أيمن الصفدي إن الحكومة ستعمل على ذلك.\n\
         انتهى الاجتماع دون التوصل إلى اتفاق، والوزير قال إن المشاورات ستستأنف الأسبوع المقبل.\n\
         وروسيا من جهتها أكدت أن الحل سياسي.\n\
         وقال إن الحكومة تعمل على خطة لدعم الصادرات، وأشار إلى أن الخطة جاهزة.\n\
         هوفمان: صحيح أن الوزارة أعلنت عن منصة رقمية جديدة، والوزيرة قالت إن مدة المعالجة ستنخفض.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            (
                "الحكومة ستعمل على ذلك",
                "وزير الخارجية الأردني أيمن الصفدي",
                "قال"
            ),
            ("المشاورات ستستأنف الأسبوع المقبل", "الوزير", "قال"),
            ("الحل سياسي", "روسيا", "أكدت"),
            // The last person who spoke, by the role he was named with.
            ("الحكومة تعمل على خطة لدعم الصادرات", "الوزير", "قال"),
            ("الخطة جاهزة", "الوزير", "أشار"),
            ("مدة المعالجة ستنخفض", "الوزيرة", "قالت"),
        ],
        "{got:?}"
    );
    assert_eq!(
        got.iter().map(|c| c.2.as_deref()).collect::<Vec<_>>(),
        [
            Some("Ayman Safadi"),
            Some("Ayman Safadi"),
            Some("Russia"),
            Some("Ayman Safadi"),
            Some("Ayman Safadi"),
            // A woman minister is no man named before with another role.
            None
        ]
    );
}

#[test]
fn en_relative_antecedents_over_a_roles_link_and_appositives_that_are_no_name() {
    let got = labelled(
        "en",
        "Title here\n\
         Firefighters were called at 3am, according to a spokesman for the state fire service, who said the blaze was contained.\n\
         \"He is innocent,\" his lawyer, representing John Smith, told reporters.",
    );
    assert_eq!(
        content_speaker_cue(&got),
        vec![
            (
                "the blaze was contained",
                "a spokesman for the state fire service",
                "said"
            ),
            (
                "Firefighters were called at 3am",
                "a spokesman for the state fire service",
                "according to"
            ),
        ],
        "{got:?}"
    );
}

#[test]
fn en_third_review_roles_that_qualify_a_topic_titles_in_quotes_and_relatives_without_a_comma() {
    // A role that qualifies a topic before a headline's colon speaks no words; a quoted title
    // is no quotation.
    for title in [
        "Governor race: Polls tighten as voting day nears",
        "'Killers of the Flower Moon': Martin Scorsese on his new film",
    ] {
        let got = labelled("en", &format!("{title}\nThe campaign went on in Ohio."));
        assert!(got.is_empty(), "{title}: {got:?}");
    }
    let got = labelled(
        "en",
        "Title here\n\
         The talks were productive and will continue next week, the minister said that evening.\n\
         Police spoke to the mother of a boy who said he was beaten by guards.\n\
         \"We will appeal,\" his spokesman, former journalist Tom Baldwin, said.",
    );
    let mut got: Vec<_> = content_speaker_cue(&got);
    got.sort();
    let mut want = vec![
        (
            "The talks were productive and will continue next week",
            "the minister",
            "said",
        ),
        ("he was beaten by guards", "a boy", "said"),
        ("We will appeal", "former journalist Tom Baldwin", "said"),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn a_run_on_sentence_of_attributions_gives_no_claim_longer_than_a_clause() {
    // Each "according to" after a comma attributes everything before it: in a run-on page of
    // them every claim copied the whole prefix, and a 1.6 MB sentence built a claims column
    // past Arrow's 2 GiB offsets (a panic). A content is at most a few thousand bytes.
    let piece = |i: usize| {
        format!(
            "according to a spokesman for the state fire service {i}, who said the fire was out, "
        )
    };
    let text = format!(
        "Title here\nFirefighters worked all night, {}and the road reopened.",
        (0..400).map(piece).collect::<String>()
    );
    let got = labelled("en", &text);
    assert!(got.len() > 100, "{}", got.len());
    assert!(got.iter().all(|(content, _, _, _)| content.len() <= 4000));
}

#[test]
fn a_complement_quoted_whole_is_the_speakers_words_without_their_marks() {
    let got = labelled(
        "ar",
        "وقال المصدر إن \"مجموعة من عناصر التنظيم تسللت فجر اليوم\".\n\
         وقال وزير الخارجية أيمن الصفدي إن الحكم \"قاس وغير متناسب\" مع الوقائع.",
    );
    assert_eq!(
        got.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        [
            "مجموعة من عناصر التنظيم تسللت فجر اليوم",
            "الحكم \"قاس وغير متناسب\" مع الوقائع"
        ]
    );
}

#[test]
fn ar_a_quoted_outlet_after_the_speaker_is_whom_it_was_said_to() {
    let got = labelled(
        "ar",
        "وقال الناطق الإعلامي باسم المديرية الرائد عمر الطراونة لـ\"الغد\"، إن كوادر الإنقاذ تعاملت مع 41 بلاغا.",
    );
    assert_eq!(
        speaker_canonical(&got),
        vec![(
            "الناطق الإعلامي باسم المديرية الرائد عمر الطراونة",
            Some("عمر الطراونة")
        )]
    );
    // Inside a title a name follows the quoted body: no addressee.
    let got = labelled(
        "ar",
        "وقال الأمين العام لـ\"حزب الله\" نعيم قاسم إن المقاومة جاهزة.",
    );
    assert_eq!(got[0].1, "الأمين العام لـ\"حزب الله\" نعيم قاسم");
}

#[test]
fn ar_dropped_subject_agrees_with_its_verb() {
    // A feminine verb after a man spoke is the woman's who spoke before him; a masculine one
    // after her is his. Genders come from a title ("الوزيرة"), a given name ("خالد") or the
    // verb the person was named with ("قالت ريتا").
    let (s, _) = check(
        "ar",
        "قالت الوزيرة ريتا حداد إن الحكومة ستدعم المزارعين. وقال خالد منصور إن الأسعار سترتفع. وأضافت أن الدعم سيصل قريبا. وتابع أن السوق مستقر.",
        &[
            ("ريتا حداد", Person, "Rita Haddad"),
            ("خالد منصور", Person, "Khaled Mansour"),
        ],
    );
    let rita = Some("Rita Haddad");
    let khaled = Some("Khaled Mansour");
    assert_eq!(
        s,
        vec![
            seen("الحكومة ستدعم المزارعين", rita, Some("قالت"), Indirect),
            seen("الأسعار سترتفع", khaled, Some("قال"), Indirect),
            seen("الدعم سيصل قريبا", rita, Some("أضافت"), Indirect),
            seen("السوق مستقر", khaled, Some("تابع"), Indirect),
        ]
    );
    // With no woman named, a feminine verb has no speaker rather than the man's name (the
    // ministry, a feminine noun, may be speaking).
    let (s, _) = check(
        "ar",
        "وقال خالد منصور إن الأسعار سترتفع. وأضافت أن الدعم سيصل قريبا.",
        &[("خالد منصور", Person, "Khaled Mansour")],
    );
    assert_eq!(
        s,
        vec![
            seen("الأسعار سترتفع", khaled, Some("قال"), Indirect),
            seen("الدعم سيصل قريبا", None, Some("أضافت"), Indirect),
        ]
    );
}

#[test]
fn ar_verbal_noun_tail_is_no_speaker_phrase() {
    // "على حد قوله" ("as he put it") ends the content; its words are no speaker.
    let (s, _) = check(
        "ar",
        "ومن جهته، توقع هاني أبو الفتوح أن يبدأ البنك المركزي دورة التيسير النقدي، على حد قوله.",
        &[("هاني أبو الفتوح", Person, "Hani Abu al-Futuh")],
    );
    assert_eq!(
        s,
        vec![seen(
            "يبدأ البنك المركزي دورة التيسير النقدي",
            Some("Hani Abu al-Futuh"),
            Some("توقع"),
            Indirect
        )]
    );
}

#[test]
fn en_pronoun_agrees_with_its_antecedent() {
    // "she" after a man was named is the woman named before him (her given name says so);
    // "he" is the man.
    let (s, _) = check(
        "en",
        "Sarah Collins, a nurse in Leeds, described the ward as overwhelmed. Her manager, Tom Baker, declined to comment. She said the staff had not slept for two days.",
        &[
            ("Sarah Collins", Person, "Sarah Collins"),
            ("Tom Baker", Person, "Tom Baker"),
        ],
    );
    assert_eq!(
        s,
        vec![seen(
            "the staff had not slept for two days",
            Some("Sarah Collins"),
            Some("said"),
            Indirect
        )]
    );
}

#[test]
fn en_claims_without_that_and_their_limits() {
    let (s, _) = check(
        "en",
        "Shadow minister Tom Ellery claimed 780,000 motorists had received the rebate. The Met Office has confirmed gusts of 82mph were recorded overnight. Brussels is preparing countermeasures on US goods, officials say. It is alleged that R12 million was paid into accounts linked to the minister.",
        &[
            ("Tom Ellery", Person, "Tom Ellery"),
            ("Met Office", Org, "Met Office"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "780,000 motorists had received the rebate",
                Some("Tom Ellery"),
                Some("claimed"),
                Indirect
            ),
            seen(
                "gusts of 82mph were recorded overnight",
                Some("Met Office"),
                Some("confirmed"),
                Indirect
            ),
            seen(
                "R12 million was paid into accounts linked to the minister",
                None,
                Some("alleged"),
                Indirect
            ),
            seen(
                "Brussels is preparing countermeasures on US goods",
                None,
                Some("say"),
                Indirect
            ),
        ]
    );
    // The verb after a conjunction is the subject's own, not a clause's: a noun phrase was
    // confirmed. Circumstances after a final cue's comma are the narrator's.
    let (s, _) = check(
        "en",
        "Germany's Defense Ministry confirmed the delivery but did not give details. The judge noted the early guilty plea and said she accepted his remorse was genuine. The government will scrap the toll relief cap from July, Treasurer Daniel Ashworth has confirmed, in a move the opposition says will hit families hardest.",
        &[("Daniel Ashworth", Person, "Daniel Ashworth")],
    );
    let contents: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "she accepted his remorse was genuine",
            "will hit families hardest"
        ]
    );
}

#[test]
fn en_according_to_a_pronoun_a_relay_and_a_maker() {
    let (s, _) = check(
        "en",
        "Rahmat Hidayat said the rupiah was weak. According to him, the government should speed up the conversion of export earnings. Teams searched the rubble for two people, according to a security source cited by the state-run MENA news agency. Unemployment fell to 5 percent last quarter, according to data released by the Central Bureau of Statistics.",
        &[
            ("Rahmat Hidayat", Person, "Rahmat Hidayat"),
            ("MENA", Org, "Middle East News Agency"),
            (
                "Central Bureau of Statistics",
                Org,
                "Central Bureau of Statistics",
            ),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "the rupiah was weak",
                Some("Rahmat Hidayat"),
                Some("said"),
                Indirect
            ),
            seen(
                "the government should speed up the conversion of export earnings",
                Some("Rahmat Hidayat"),
                Some("According to"),
                Indirect
            ),
            seen(
                "Teams searched the rubble for two people",
                None,
                Some("according to"),
                Indirect
            ),
            seen(
                "Teams searched the rubble for two people",
                Some("Middle East News Agency"),
                Some("cited by"),
                Indirect
            ),
            seen(
                "Unemployment fell to 5 percent last quarter",
                Some("Central Bureau of Statistics"),
                Some("according to"),
                Indirect
            ),
        ]
    );
}

#[test]
fn en_a_transitive_cue_with_an_object_or_as_an_adjective_is_no_saying() {
    let (s, _) = check(
        "en",
        "He denied the charges and was remanded in custody. The group claimed responsibility and threatened more attacks. The two men argued and one pulled a knife. The number of confirmed cases rose to 500 on Friday. An estimated 10,000 people were displaced by the floods. The company's estimated losses reached 2 billion dollars last year. Hospital staff were stressed and many have quit. Police revealed the names of the officers who were involved in the raid.",
        &[],
    );
    assert_eq!(s, vec![]);
    // Circumstances between commas after the cue, then the clause.
    let (s, _) = check(
        "en",
        "The minister said, in a statement released on Monday, the ban would be lifted next week.",
        &[],
    );
    assert_eq!(
        s,
        vec![seen(
            "the ban would be lifted next week",
            None,
            Some("said"),
            Indirect
        )]
    );
}

#[test]
fn gender_comes_from_the_name_and_its_own_title_not_the_clause_before() {
    // "She met Boris Johnson", "the wife of Juan Guaido": nothing of his gender.
    let (s, _) = check(
        "en",
        "Liz Truss arrived in London. She later met Boris Johnson at Downing Street. Fabiana Rosales, the wife of opposition leader Juan Guaido, met supporters. He said the government had failed the country.",
        &[
            ("Liz Truss", Person, "Liz Truss"),
            ("Boris Johnson", Person, "Boris Johnson"),
            ("Fabiana Rosales", Person, "Fabiana Rosales"),
            ("Juan Guaido", Person, "Juan Guaido"),
        ],
    );
    assert_eq!(s[0].1.as_deref(), Some("Juan Guaido"), "{s:?}");
    // A woman may bear a man's title ("النائب", "عضو"); the feminine verb before the phrase
    // and her given name say she is one.
    let (s, _) = check(
        "ar",
        "قال الوزير خالد منصور إن الخطة جاهزة. قالت النائب مها عبد الناصر إن ميزانية التعليم لا تكفي. وأضافت أن الحكومة مطالبة بزيادة المخصصات.",
        &[
            ("خالد منصور", Person, "Khaled Mansour"),
            ("مها عبد الناصر", Person, "Maha Abdel Nasser"),
        ],
    );
    assert_eq!(s[2].1.as_deref(), Some("Maha Abdel Nasser"), "{s:?}");
}

#[test]
fn ar_an_outlet_relays_its_source_and_id_relays_between_commas() {
    let (s, _) = check(
        "ar",
        "ونقلت صحيفة يديعوت أحرونوت عن مسؤول أمني رفيع أن الجيش سيوسع عملياته في الشمال. وقال الرئيس نبيه بري إن الوضع خطير، ونقلوا عنه أن العدو يفاوض بالنار. ونقل المسعفون الجرحى إلى المستشفى.",
        &[("نبيه بري", Person, "Nabih Berri")],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "الجيش سيوسع عملياته في الشمال",
                None,
                Some("نقلت"),
                Indirect
            ),
            seen("الوضع خطير", Some("Nabih Berri"), Some("قال"), Indirect),
            seen(
                "العدو يفاوض بالنار",
                Some("Nabih Berri"),
                Some("نقلوا"),
                Indirect
            ),
        ]
    );
    // An outlet's relay between a cue's commas is no part of what was said (the knowledge
    // base knows Antara for an outlet), and a claim of the outlet's; a relay at a sentence's
    // start is the outlet's claim.
    let text = "Dewi mengatakan, seperti dikutip dari Antara, sebagian besar biaya justru tersedot untuk distribusi logistik. Melansir Bloomberg, BRI juga tengah mempertimbangkan pembelian kembali saham.";
    let article = parse(text, Some("id"));
    let mut ents = entities(
        &article,
        &[("Antara", Org, "ANTARA"), ("Bloomberg", Org, "Bloomberg")],
    );
    ents[0].canonical_id = Some("kb:antara".into());
    let kb = label::kb::KnowledgeBase::builtin();
    let claims = find_claims(&standard_claim_labelers(), &article, &ents, Some(&kb));
    let s = seen_of(&article, &claims);
    assert_eq!(
        s,
        vec![
            seen(
                "sebagian besar biaya justru tersedot untuk distribusi logistik",
                None,
                Some("mengatakan"),
                Indirect
            ),
            seen(
                "sebagian besar biaya justru tersedot untuk distribusi logistik",
                Some("ANTARA"),
                Some("seperti dikutip dari"),
                Indirect
            ),
            seen(
                "BRI juga tengah mempertimbangkan pembelian kembali saham",
                Some("Bloomberg"),
                Some("Melansir"),
                Indirect
            ),
        ]
    );
}

#[test]
fn headlines_with_people_in_general_as_speakers() {
    for (lang, text, speaker) in [
        (
            "ar",
            "محللون: الفائدة ستبقى مرتفعة حتى نهاية العام",
            "محللون",
        ),
        (
            "ar",
            "سيول تجتاح القرى.. ومواطنون: تُركنا وحدنا بلا مساعدة",
            "مواطنون",
        ),
        (
            "id",
            "Pedagang: Harga Cabai Naik Dua Kali Lipat",
            "Pedagang",
        ),
        (
            "en",
            "Analysts: Rupiah to Weaken Further on Rate Bets",
            "Analysts",
        ),
    ] {
        let article = claims_support::parse(&format!("{text}\n\nThe body."), Some(lang));
        let claims = find_claims(&standard_claim_labelers(), &article, &[], None);
        let speakers = speaker_texts(lang, &format!("{text}\n\nThe body."), &claims);
        assert_eq!(speakers, vec![speaker.to_string()], "{text}");
    }
}

#[test]
fn en_the_person_a_sentence_opens_with_past_a_long_subject() {
    let (s, _) = check(
        "en",
        "Levent Basaran said the plan was good. Main opposition Republican People's Party (CHP) spokesperson Selin Karaagacli criticized the government's approach, arguing that Ankara should prioritize the return of refugees. Analyst Dr. Ayse Nur Tekin of the Foundation for Political, Economic and Social Research (SETA) said the new administration gave Ankara a historic opportunity. Anggraeni Kusuma, an economist at Bank Permata, expects BI to hold the rate but warned that a hike cannot be ruled out.",
        &[
            ("Levent Basaran", Person, "Levent Basaran"),
            ("Selin Karaagacli", Person, "Selin Karaagacli"),
            ("Ayse Nur Tekin", Person, "Ayse Nur Tekin"),
            ("Anggraeni Kusuma", Person, "Anggraeni Kusuma"),
        ],
    );
    let speakers: Vec<Option<&str>> = s.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![
            Some("Levent Basaran"),
            Some("Selin Karaagacli"),
            Some("Ayse Nur Tekin"),
            Some("Anggraeni Kusuma"),
        ],
        "{s:?}"
    );
}

#[test]
fn second_review_misfires() {
    // "نقل" that moves people or things is no relay; "أم" in a place's name says nothing of
    // the governor's gender.
    let (s, _) = check(
        "ar",
        "وتم نقل المصابين إلى المستشفى بعد أن أصيبوا بحروق. ونقل المصابون إلى المستشفى عن طريق سيارات الإسعاف بعد أن انهار المبنى. ونقلت الشركة مقرها الرئيسي عن العاصمة إلى دبي بعد أن ارتفعت الضرائب. نقل السفارة الأمريكية إلى القدس يعني أن واشنطن لم تعد وسيطا نزيها. وقال حاكم أم القيوين الشيخ سعود بن راشد المعلا إن الإمارة ترحب بالمستثمرين. وأضاف أن المشاريع الجديدة ستوفر آلاف الوظائف.",
        &[
            ("دبي", Gpe, "Dubai"),
            ("سعود بن راشد المعلا", Person, "Saud bin Rashid Al Mualla"),
        ],
    );
    let cues: Vec<(Option<&str>, Option<&str>)> =
        s.iter().map(|x| (x.2.as_deref(), x.1.as_deref())).collect();
    let saud = Some("Saud bin Rashid Al Mualla");
    assert_eq!(cues, vec![(Some("قال"), saud), (Some("أضاف"), saud)]);
    // Known women before people of unknown gender; a company's possessive name is a subject;
    // a subject of two after a transitive cue; a relative clause's verb is not the clause's.
    let (s, _) = check(
        "en",
        "Italian Prime Minister Giorgia Meloni held talks with Indian Prime Minister Narendra Modi. According to her, trade will double by 2030. Moody's predicted the economy would shrink by 2 percent. Police confirmed two men and a woman had been arrested after the attack. She confirmed the man who was arrested on Sunday had been released.",
        &[
            ("Giorgia Meloni", Person, "Giorgia Meloni"),
            ("Narendra Modi", Person, "Narendra Modi"),
        ],
    );
    let contents: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "the economy would shrink by 2 percent",
            "two men and a woman had been arrested after the attack",
            "the man who was arrested on Sunday had been released",
            "trade will double by 2030",
        ],
        "{s:?}"
    );
    assert_eq!(s[3].1.as_deref(), Some("Giorgia Meloni"));
    // Headlines whose phrase before the colon is a compound or a label.
    for (lang, title) in [
        ("en", "Teachers strike: schools closed in 10 states"),
        ("ar", "مصادر الطاقة المتجددة: مستقبل واعد للمنطقة العربية"),
        ("ar", "تجار المخدرات: القبض على عصابة في عمان"),
    ] {
        let text = format!("{title}\n\nThe body.");
        let article = claims_support::parse(&text, Some(lang));
        let claims = find_claims(&standard_claim_labelers(), &article, &[], None);
        assert!(claims.is_empty(), "{title}: {claims:?}");
    }
}

#[test]
fn ar_quotations_after_a_quoted_outlet_without_a_colon_or_after_bil_qawl() {
    let (s, _) = check(
        "ar",
        "وقال الوزير خالد منصور لـ\"الخليج أونلاين\": \"الوضع تحت السيطرة تماما\". وأضافت الطبيبة ريم حداد \"المستشفى يعمل بنصف طاقته\". واختتم المدرب جمال سلامي حديثه بالقول: \"لن نتراجع عن هذا القرار\". ودعت البعثة جميع الأطراف إلى \"التهدئة الفورية\".",
        &[
            ("خالد منصور", Person, "Khaled Mansour"),
            ("ريم حداد", Person, "Reem Haddad"),
            ("جمال سلامي", Person, "Jamal Sellami"),
        ],
    );
    assert_eq!(
        s,
        vec![
            seen(
                "الوضع تحت السيطرة تماما",
                Some("Khaled Mansour"),
                Some("قال"),
                Direct
            ),
            seen(
                "المستشفى يعمل بنصف طاقته",
                Some("Reem Haddad"),
                Some("أضافت"),
                Direct
            ),
            seen(
                "لن نتراجع عن هذا القرار",
                Some("Jamal Sellami"),
                Some("بالقول"),
                Direct
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn en_told_an_object_with_its_article_or_no_object() {
    let (s, _) = check(
        "en",
        "Mary Jones told The Independent she had not been paid. He told the court he was innocent. We were told the river was safe as long as it did not rain.",
        &[("Mary Jones", Person, "Mary Jones")],
    );
    let contents: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "she had not been paid",
            "he was innocent",
            "the river was safe as long as it did not rain",
        ]
    );
}

#[test]
fn id_an_adjective_after_a_degree_word_is_a_clause_predicate() {
    let (s, _) = check(
        "id",
        "Warga menyebut banjir kali ini paling parah. Ekonom itu menilai harga beras masih cukup tinggi. Kami imbau pengguna jalan memastikan saldo uang elektronik cukup sebelum masuk tol.",
        &[],
    );
    let contents: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "banjir kali ini paling parah",
            "harga beras masih cukup tinggi"
        ]
    );
}

#[test]
fn ar_a_role_refers_back_to_a_person_of_its_gender() {
    let (s, _) = check(
        "ar",
        "وقال خالد منصور إن الخطة جاهزة. وقالت الطبيبة ريم حداد إن المستشفى يعمل بنصف طاقته. وأكد رئيس النادي أن الوضع مستقر.",
        &[
            ("خالد منصور", Person, "Khaled Mansour"),
            ("ريم حداد", Person, "Reem Haddad"),
        ],
    );
    assert_eq!(s[2].1.as_deref(), Some("Khaled Mansour"), "{s:?}");
}

#[test]
fn ar_a_relayed_source_ends_before_an_aside_and_quotes_after_qawluhu() {
    let text = "ونقل الموقع عن المسؤول، الذي طلب عدم الكشف عن اسمه، قوله: \"لا نريد أن نرى الاتفاق ينهار\". ونقلت الصحيفة عن ضابط كبير في القيادة الجنوبية، لم تسمه، قوله إن الجيش مستعد. ونقلت المنظمة عن ممثلها في غزة، الدكتور ماتياس شولتس، قوله إن المستشفيات تنهار.";
    let (s, claims) = check("ar", text, &[("ماتياس شولتس", Person, "Matthias Schultz")]);
    let mut said: Vec<(String, String, ClaimKind)> = s
        .iter()
        .zip(speaker_texts("ar", text, &claims))
        .map(|(seen, speaker)| (seen.0.clone(), speaker, seen.3))
        .collect();
    said.sort();
    let expected = [
        ("الجيش مستعد", "ضابط كبير في القيادة الجنوبية", Indirect),
        (
            "المستشفيات تنهار",
            "ممثلها في غزة، الدكتور ماتياس شولتس",
            Indirect,
        ),
        ("لا نريد أن نرى الاتفاق ينهار", "المسؤول", Direct),
    ];
    let expected: Vec<(String, String, ClaimKind)> = expected
        .iter()
        .map(|&(c, sp, k)| (c.to_string(), sp.to_string(), k))
        .collect();
    assert_eq!(said, expected, "{s:?}");
    assert!(s.iter().any(|x| x.1.as_deref() == Some("Matthias Schultz")));
}

#[test]
fn ar_according_to_what_a_verb_says_and_contents_that_end_before_the_narrators_clause() {
    let text = "وبحسب ما ورد في لائحة الاتهام، فإن خلافا نشب بين المتهم وشقيقه صباح يوم الحادثة. وأعلنت المنظمة أنها ستسلم الوزارة شحنة من المستلزمات الطبية، بحسب ما أفاد به مصدر في الوزارة. وهبطت أسعار النفط إلى 58 دولارا للبرميل، وفقا لما أوردته وكالة رويترز. واعتبر العميد عثمان الطيب أن أي اتفاق يجب أن يشمل المدن، في حين رأت مصادر مقربة من الطرف الآخر أن هذا الشرط يعرقل أي تقدم. وقال الوزير خالد منصور إن المحطة تنتج 600 ميغاواط فقط، في حين يتجاوز الطلب 3000 ميغاواط. وتقول ريم حداد إن المياه دخلت منزلها، وتطالب البلدية بسرعة التدخل.";
    let (s, claims) = check(
        "ar",
        text,
        &[
            ("عثمان الطيب", Person, "Othman al-Tayeb"),
            ("خالد منصور", Person, "Khaled Mansour"),
            ("ريم حداد", Person, "Reem Haddad"),
            ("رويترز", Org, "Reuters"),
        ],
    );
    let said = contents_and_cues(&s);
    assert_eq!(
        said,
        vec![
            ("ستسلم الوزارة شحنة من المستلزمات الطبية", "أعلنت"),
            ("أي اتفاق يجب أن يشمل المدن", "اعتبر"),
            ("هذا الشرط يعرقل أي تقدم", "رأت"),
            (
                "المحطة تنتج 600 ميغاواط فقط، في حين يتجاوز الطلب 3000 ميغاواط",
                "قال"
            ),
            ("المياه دخلت منزلها، وتطالب البلدية بسرعة التدخل", "تقول"),
            (
                "خلافا نشب بين المتهم وشقيقه صباح يوم الحادثة",
                "بحسب ما ورد في"
            ),
            (
                "وأعلنت المنظمة أنها ستسلم الوزارة شحنة من المستلزمات الطبية",
                "بحسب ما أفاد به"
            ),
            ("وهبطت أسعار النفط إلى 58 دولارا للبرميل", "وفقا لما أوردته"),
        ],
        "{s:?}"
    );
    let speakers = speaker_texts("ar", text, &claims);
    assert_eq!(speakers[5], "لائحة الاتهام");
    assert_eq!(speakers[6], "مصدر في الوزارة");
    assert_eq!(s[7].1.as_deref(), Some("Reuters"));
}

#[test]
fn ar_a_subject_with_a_title_before_a_verbal_noun_complement_and_a_coordinated_present_cue() {
    let (s, _) = check(
        "ar",
        "وقالت ريم حداد إن الوضع صعب. من جانبها، دعت مديرة إدارة الترصد الوبائي الدكتورة إيمان المتوكل المواطنين إلى غلي مياه الشرب، منبهة إلى أن الأطفال هم الأكثر عرضة للمضاعفات. الناقد وائل فهمي يرى أن الرواية تمثل إضافة حقيقية، ويقول في حديث لـ\"اندبندنت عربية\": \"بن عمار تكتب بلغة مقتصدة\".",
        &[
            ("ريم حداد", Person, "Reem Haddad"),
            ("إيمان المتوكل", Person, "Iman al-Mutawakel"),
            ("وائل فهمي", Person, "Wael Fahmy"),
        ],
    );
    let said = contents_and_speakers(&s);
    assert_eq!(
        said,
        vec![
            ("الوضع صعب", Some("Reem Haddad")),
            ("غلي مياه الشرب", Some("Iman al-Mutawakel")),
            ("الأطفال هم الأكثر عرضة للمضاعفات", Some("Iman al-Mutawakel")),
            ("الرواية تمثل إضافة حقيقية", Some("Wael Fahmy")),
            ("بن عمار تكتب بلغة مقتصدة", Some("Wael Fahmy")),
        ],
        "{s:?}"
    );
}

#[test]
fn en_a_content_ends_before_and_or_but_with_a_cue_of_its_own_and_coordinated_cues_take_the_first_subject()
 {
    let text = "Chief Executive Claire Okonedo said the company was \"navigating a volatile environment\" but insisted that the long-term case remained intact. Abrahams said the cause of the fire was still under investigation, but residents told the Daily Maverick it had started at a shebeen. Two sources familiar with the matter told Reuters the company had held early talks with advisers, but said no formal process had begun. A spokesperson for Cumbria Police urged drivers to avoid the A66, and said several vehicles had been abandoned. The engineers said they were working around the clock and that most customers would be back on supply by 10pm. Officials said the advisory was not binding but states were expected to follow it.";
    let (s, claims) = check(
        "en",
        text,
        &[
            ("Claire Okonedo", Person, "Claire Okonedo"),
            ("Abrahams", Person, "Abrahams"),
            ("Reuters", Org, "Reuters"),
        ],
    );
    let contents: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "the company was \"navigating a volatile environment\"",
            "the long-term case remained intact",
            "the cause of the fire was still under investigation",
            "it had started at a shebeen",
            "the company had held early talks with advisers",
            "no formal process had begun",
            "several vehicles had been abandoned",
            "they were working around the clock and that most customers would be back on supply by 10pm",
            "the advisory was not binding but states were expected to follow it",
        ],
        "{s:?}"
    );
    let speakers = speaker_texts("en", text, &claims);
    assert_eq!(speakers[3], "residents");
    assert_eq!(speakers[5], "Two sources familiar with the matter");
    assert_eq!(speakers[6], "A spokesperson for Cumbria Police");
}

#[test]
fn id_bare_clauses_past_brackets_with_verbs_in_ber_and_after_berharap() {
    let (s, _) = check(
        "id",
        "Kapolrestabes Medan, Hendrik Simanjuntak, menjelaskan korban bernama Darwin Sinaga (45) tewas setelah ditikam. Analis Nadia Hutapea menilai pasar bereaksi berlebihan terhadap rilis kinerja tersebut. Ketua Ikatan Juru Parkir, Parlindungan Nababan, berharap pemerintah pusat ikut turun tangan. Menteri itu menyebut berita tersebut. Warga membawa beras bantuan.",
        &[
            ("Hendrik Simanjuntak", Person, "Hendrik Simanjuntak"),
            ("Nadia Hutapea", Person, "Nadia Hutapea"),
            ("Parlindungan Nababan", Person, "Parlindungan Nababan"),
        ],
    );
    let said = contents_and_speakers(&s);
    assert_eq!(
        said,
        vec![
            (
                "korban bernama Darwin Sinaga (45) tewas setelah ditikam",
                Some("Hendrik Simanjuntak")
            ),
            (
                "pasar bereaksi berlebihan terhadap rilis kinerja tersebut",
                Some("Nadia Hutapea")
            ),
            (
                "pemerintah pusat ikut turun tangan",
                Some("Parlindungan Nababan")
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn ar_a_preposition_with_a_pronoun_or_a_circumstantial_clause_is_no_subject() {
    let text = "وقالت أم خالد إن العائلة فقدت ابنين، وأضافت وهي تغالب دموعها: \"لا أريد سوى أن ينتهي هذا الكابوس\". وأصدر المحلل خالد منصور تقريرا قال فيه إن الأسعار سترتفع. وقال لي كه تشيانغ إن الاقتصاد ينمو.";
    let (s, claims) = check(
        "ar",
        text,
        &[
            ("أم خالد", Person, "Umm Khaled"),
            ("خالد منصور", Person, "Khaled Mansour"),
            ("لي كه تشيانغ", Person, "Li Keqiang"),
        ],
    );
    let said = contents_and_speakers(&s);
    assert!(
        said.contains(&("لا أريد سوى أن ينتهي هذا الكابوس", Some("Umm Khaled"))),
        "{s:?}"
    );
    assert!(
        said.contains(&("الأسعار سترتفع", Some("Khaled Mansour"))),
        "{s:?}"
    );
    assert!(
        said.contains(&("الاقتصاد ينمو", Some("Li Keqiang"))),
        "{s:?}"
    );
    let speakers = speaker_texts("ar", text, &claims);
    assert!(!speakers.iter().any(|x| x.starts_with("وهي") || x == "فيه"));
}

#[test]
fn id_more_verbs_of_saying_and_menurutnya_after_a_connective() {
    let (s, _) = check(
        "id",
        "Dia berujar kementeriannya hanya diminta memberikan data. \"Kami akan terus memantau,\" cetus Budi. Namun, menurutnya, kondisi itu sudah membaik dalam dua pekan terakhir.",
        &[("Budi", Person, "Budi")],
    );
    let said = contents_and_cues(&s);
    assert_eq!(
        said,
        vec![
            ("kementeriannya hanya diminta memberikan data", "berujar"),
            ("Kami akan terus memantau", "cetus"),
            (
                "kondisi itu sudah membaik dalam dua pekan terakhir",
                "menurutnya"
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn ar_a_verbal_noun_after_an_intention_is_no_cue_and_does_not_end_the_reach() {
    let text = "قال مسؤول في هيئة أسواق المال، فضل عدم ذكر اسمه، إن الهيئة تدرس القرار.";
    let (s, claims) = check("ar", text, &[]);
    assert_eq!(
        contents_and_cues(&s),
        vec![("الهيئة تدرس القرار", "قال")],
        "{s:?}"
    );
    // The subject ends at its preposition, as verb-first subjects do.
    assert_eq!(speaker_texts("ar", text, &claims), vec!["مسؤول"]);
}

#[test]
fn ar_a_role_with_its_place_then_the_holder_named_in_apposition() {
    let (s, _) = check(
        "ar",
        "وقال عضو اللجنة المالية في مجلس النواب، النائب حسين العكيلي، لـ«الشرق الأوسط» إن الحكومة لم ترسل الجداول. وعقب المباراة، قال مدرب السيب، التونسي منير الشابي: «كنا نعلم أن النهضة فريق منظم». وقال المدرب إن الفريق جاهز.",
        &[
            ("حسين العكيلي", Person, "Hussein al-Ukaili"),
            ("منير الشابي", Person, "Mounir al-Shabi"),
        ],
    );
    let said = contents_and_speakers(&s);
    assert!(
        said.contains(&("الحكومة لم ترسل الجداول", Some("Hussein al-Ukaili"))),
        "{s:?}"
    );
    assert!(
        said.contains(&("كنا نعلم أن النهضة فريق منظم", Some("Mounir al-Shabi"))),
        "{s:?}"
    );
}

#[test]
fn en_a_party_tag_after_the_speakers_name_in_every_position() {
    let text = "\"I am not going to vote for it,\" Sen. Dale Whitacre (R-Mont.) told The Hill. \"It will not work,\" said Sen. Dale Whitacre (R-Mont.). \"Republicans built this mess,\" Sen. Priya Natarajan (D-Minn.), the ranking Democrat on the committee, told reporters.";
    let (s, claims) = check(
        "en",
        text,
        &[
            ("Dale Whitacre", Person, "Dale Whitacre"),
            ("Priya Natarajan", Person, "Priya Natarajan"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("I am not going to vote for it", Some("Dale Whitacre")),
            ("It will not work", Some("Dale Whitacre")),
            ("Republicans built this mess", Some("Priya Natarajan")),
        ],
        "{s:?}"
    );
    assert_eq!(
        speaker_texts("en", text, &claims),
        vec![
            "Sen. Dale Whitacre (R-Mont.)",
            "Sen. Dale Whitacre (R-Mont.)",
            "Priya Natarajan (D-Minn.)"
        ]
    );
}

#[test]
fn en_more_reporting_verbs_without_that() {
    let (s, _) = check(
        "en",
        "Cambodian officials insist the canal will be used for transport only. Democrats have signaled they are unlikely to supply the votes. Mercy Chelangat defended the measures, telling reporters that Kenya had no choice. \"Everybody knows how this movie ends,\" quipped Harold Lindqvist. She explained the process to the committee. Initial jobless claims rose to 231,000 last week. He left the building without telling reporters that he had resigned.",
        &[
            ("Mercy Chelangat", Person, "Mercy Chelangat"),
            ("Harold Lindqvist", Person, "Harold Lindqvist"),
        ],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            ("the canal will be used for transport only", "insist"),
            ("they are unlikely to supply the votes", "signaled"),
            ("Kenya had no choice", "telling"),
            ("Everybody knows how this movie ends", "quipped"),
        ],
        "{s:?}"
    );
}

#[test]
fn id_an_outlet_between_the_subject_and_its_verb_relays_the_verbs_clause() {
    let (s, _) = check(
        "id",
        "Analis Wood Mackenzie, Rohan Mehta, seperti dilansir Reuters, menilai harga batu bara akan turun. Peneliti ICW, Nabila Azzahra, menduga penundaan ini berkaitan dengan kepentingan politik.",
        &[
            ("Rohan Mehta", Person, "Rohan Mehta"),
            ("Reuters", Org, "Reuters"),
            ("Nabila Azzahra", Person, "Nabila Azzahra"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("harga batu bara akan turun", Some("Rohan Mehta")),
            (
                "penundaan ini berkaitan dengan kepentingan politik",
                Some("Nabila Azzahra")
            ),
            ("harga batu bara akan turun", Some("Reuters")),
        ],
        "{s:?}"
    );
}

#[test]
fn a_complement_quoted_whole_is_direct_and_a_partly_quoted_one_indirect() {
    let (s, _) = check(
        "ar",
        "وقال المصدر إن \"مجموعة من عناصر التنظيم تسللت فجر اليوم\". وقال الوزير إن الحكم \"قاس وغير متناسب\" مع الوقائع.",
        &[],
    );
    assert_eq!(
        s.iter().map(|x| x.3).collect::<Vec<_>>(),
        vec![Direct, Indirect],
        "{s:?}"
    );
    let (s, _) = check(
        "en",
        "Jane Smith said that \"we will win this fight in the courts\". She said the ruling was \"harsh\" and unfair.",
        &[("Jane Smith", Person, "Jane Smith")],
    );
    assert_eq!(
        s.iter().map(|x| x.3).collect::<Vec<_>>(),
        vec![Direct, Indirect],
        "{s:?}"
    );
}

#[test]
fn id_a_bare_clause_shown_by_a_predicate_without_affixes_or_an_adverb_before_a_verb() {
    let (s, _) = check(
        "id",
        "Pelatih Persebata, Marcelo Antunes, mengakui timnya kalah dalam duel fisik. Ia berharap pemerintah segera menambah kapasitas pembangkit. Warga menyebut nama-nama yang hilang sejak pekan lalu.",
        &[("Marcelo Antunes", Person, "Marcelo Antunes")],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            ("timnya kalah dalam duel fisik", "mengakui"),
            (
                "pemerintah segera menambah kapasitas pembangkit",
                "berharap"
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn id_asking_someone_to_do_something_with_a_clause_is_a_claim() {
    let (s, _) = check(
        "id",
        "Seorang ibu meminta polisi juga menindak pemasok besar. Ia mengimbau agar masyarakat di bantaran sungai tetap waspada. Ia meminta maaf kepada warga. Menurut dia, kebutuhan paling mendesak saat ini adalah air bersih. Langkah itu sejalan dengan kebijakan Gubernur DIY yang meminta kabupaten mengelola sampahnya secara mandiri mulai tahun ini.",
        &[],
    );
    assert_eq!(
        s.iter()
            .map(|x| (x.0.as_str(), x.2.as_deref().unwrap_or_default()))
            .collect::<Vec<_>>(),
        vec![
            ("polisi juga menindak pemasok besar", "meminta"),
            ("masyarakat di bantaran sungai tetap waspada", "mengimbau"),
            (
                "kabupaten mengelola sampahnya secara mandiri mulai tahun ini",
                "meminta"
            ),
            (
                "kebutuhan paling mendesak saat ini adalah air bersih",
                "Menurut"
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn ar_a_role_with_its_field_then_its_holder_after_a_comma_and_an_abbreviated_title() {
    let text = "ويرى الباحث السوداني في الشؤون الأمنية، د. حسن إبراهيم موسى، أن معركة الفاشر ستحدد شكل الحرب. يقول الحاج مبروك وهو يتفقد جذوع نخيله: \"النخلة لا تموت واقفة\".";
    let (s, claims) = check(
        "ar",
        text,
        &[
            ("حسن إبراهيم موسى", Person, "حسن إبراهيم موسى"),
            ("مبروك", Person, "مبروك"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("معركة الفاشر ستحدد شكل الحرب", Some("حسن إبراهيم موسى")),
            ("النخلة لا تموت واقفة", Some("مبروك")),
        ],
        "{s:?}"
    );
    // A circumstantial clause is no part of the speaker.
    assert_eq!(
        speaker_texts("ar", text, &claims),
        vec![
            "الباحث السوداني في الشؤون الأمنية، د. حسن إبراهيم موسى",
            "الحاج مبروك"
        ]
    );
}

#[test]
fn ar_a_quoted_name_or_a_second_clause_after_the_comma_goes_on_with_the_content() {
    let (s, _) = check(
        "ar",
        "وقال الوزير إن \"حزب الله\"، المدعوم من إيران، يملك ترسانة كبيرة من الصواريخ. وقال الوزير إن \"الوضع خطير جدا في المدينة\"، وإن \"الحكومة تتابع الملف\". وقال مسؤول في مكتب رئيس الوزراء، د. محمد اشتية، إن الحكومة مستمرة.",
        &[("محمد اشتية", Person, "محمد اشتية")],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            (
                "\"حزب الله\"، المدعوم من إيران، يملك ترسانة كبيرة من الصواريخ",
                None
            ),
            (
                "\"الوضع خطير جدا في المدينة\"، وإن \"الحكومة تتابع الملف\"",
                None
            ),
            // The name after the comma is the other role's (the prime minister's).
            ("الحكومة مستمرة", None),
        ],
        "{s:?}"
    );
}

#[test]
fn ar_a_complement_quoted_whole_ends_with_its_quotation_and_threatening_that_is_a_cue() {
    let (s, _) = check(
        "ar",
        "وقال النائب رياض الفهداوي إن \"هناك ضغوطا تمارس على عدد من النواب\"، دون أن يكشف عن الجهة. وقال المتحدث بشير الأنصاري إن المحتجين حصلوا على وعود مكتوبة، مهددا بأن الحراك سيعود إلى الإغلاق.",
        &[
            ("رياض الفهداوي", Person, "رياض الفهداوي"),
            ("بشير الأنصاري", Person, "بشير الأنصاري"),
        ],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            ("هناك ضغوطا تمارس على عدد من النواب", "قال"),
            ("المحتجين حصلوا على وعود مكتوبة", "قال"),
            ("الحراك سيعود إلى الإغلاق", "مهددا"),
        ],
        "{s:?}"
    );
}

#[test]
fn ar_a_complement_quoted_whole_goes_on_after_a_complementizer_or_but_and_a_quotation_only() {
    // "وانتقد" opens with the letters of "وان" (= "وأن") but is the narrator's verb.
    let (s, _) = check(
        "ar",
        "وقال الوزير سامي الخطيب إن \"الحكومة ستدعم المزارعين هذا العام\"، وانتقد المعارضة بشدة. وقالت النائبة هدى سليم إن \"الموازنة لا تكفي لسد العجز\"، وإن الحكومة مطالبة بخطة جديدة. وقال النائب علي حسن إن \"الوضع صعب جدا هذه الأيام\"، ولكن \"الحل قريب\".",
        &[
            ("سامي الخطيب", Person, "سامي الخطيب"),
            ("هدى سليم", Person, "هدى سليم"),
            ("علي حسن", Person, "علي حسن"),
        ],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            ("الحكومة ستدعم المزارعين هذا العام", "قال"),
            (
                "\"الموازنة لا تكفي لسد العجز\"، وإن الحكومة مطالبة بخطة جديدة",
                "قالت"
            ),
            ("\"الوضع صعب جدا هذه الأيام\"، ولكن \"الحل قريب\"", "قال"),
        ],
        "{s:?}"
    );
}

#[test]
fn en_a_bare_clause_whose_subject_opens_with_a_quantifier_an_amount_or_holds_a_preposition() {
    let (s, _) = check(
        "en",
        "Two senators said as many as eight Republicans could vote against the bill. The government says the $1.7 billion waterway will cut shipping costs. He said the trade with Africa had grown fast. Police denied the charges when questioned by reporters.",
        &[],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            (
                "as many as eight Republicans could vote against the bill",
                "said"
            ),
            ("the $1.7 billion waterway will cut shipping costs", "says"),
            ("the trade with Africa had grown fast", "said"),
        ],
        "{s:?}"
    );
}

#[test]
fn id_a_request_in_a_relative_clause_of_a_later_sayings_subject_is_no_claim() {
    let (s, _) = check(
        "id",
        "Seorang petugas yang meminta namanya tidak disebutkan mengatakan pelaku sudah ditangkap. Langkah itu sejalan dengan kebijakan Gubernur DIY yang meminta kabupaten mengelola sampahnya secara mandiri mulai tahun ini.",
        &[],
    );
    assert_eq!(
        contents_and_cues(&s),
        // (The later saying's own subject is not found past the request yet.)
        vec![(
            "kabupaten mengelola sampahnya secara mandiri mulai tahun ini",
            "meminta"
        ),],
        "{s:?}"
    );
}

#[test]
fn a_pronoun_takes_the_speaker_of_the_sentence_before_not_the_last_name() {
    // The last person named before "he" is Howard Brandt inside Feeney's sentence's quote
    // chain, or Brandt from further back; the one who spoke just before is Feeney.
    let (s, _) = check(
        "en",
        "Howard Brandt, a farmer, said prices were falling. Mark Feeney, an agricultural economist at Iowa State University, said the package would cover a third of losses. \"It buys time. It doesn't buy certainty,\" he said. The prosecutor, Inspector Blessing Ekpo, told the court that the defendants committed the offences in June. According to her, the defendants forged mandate cards.",
        &[
            ("Howard Brandt", Person, "Howard Brandt"),
            ("Mark Feeney", Person, "Mark Feeney"),
            ("Blessing Ekpo", Person, "Blessing Ekpo"),
        ],
    );
    let speakers: Vec<(&str, Option<&str>)> = contents_and_speakers(&s);
    assert!(
        speakers.contains(&("It buys time", Some("Mark Feeney")))
            && speakers.contains(&("It doesn't buy certainty", Some("Mark Feeney")))
            && speakers.contains(&("the defendants forged mandate cards", Some("Blessing Ekpo"))),
        "{s:?}"
    );
}

#[test]
fn en_a_subject_pronoun_right_before_the_cue_is_the_subject_whatever_stands_before_it() {
    let text = "Sultanbek Ergeshov runs a hand over the bark of a walnut tree he says is older than the Soviet Union.";
    let (s, claims) = check(
        "en",
        text,
        &[("Sultanbek Ergeshov", Person, "Sultanbek Ergeshov")],
    );
    assert_eq!(speaker_texts("en", text, &claims), vec!["he"]);
    assert_eq!(
        contents_and_speakers(&s),
        vec![("is older than the Soviet Union", Some("Sultanbek Ergeshov"))]
    );
}

#[test]
fn id_more_tails_after_a_quotation() {
    let (s, _) = check(
        "id",
        "\"Harus ada evaluasi tiap enam bulan,\" tandasnya. \"Jangan dijual pemain intinya,\" pinta Budi Santoso. \"Itu sudah selesai,\" katanya singkat.",
        &[("Budi Santoso", Person, "Budi Santoso")],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            ("Harus ada evaluasi tiap enam bulan", "tandasnya"),
            ("Jangan dijual pemain intinya", "pinta"),
            ("Itu sudah selesai", "katanya"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_noun_of_a_person_closed_by_a_demonstrative_and_an_age_alone_point_back_to_the_person() {
    let (s, _) = check(
        "id",
        "Gol kedua dicetak Gustavo Ribeiro. \"Kami bermain sangat baik,\" kata striker asal Brasil itu. Ibu Nurhayati dan Bapak Syafrizal kehilangan rumah. \"Modal habis untuk ganti barang yang rusak,\" ucap pria 52 tahun itu. Seorang warga yang enggan disebut namanya ikut mengungsi. \"Kami belum menerima bantuan sama sekali,\" kata warga itu.",
        &[
            ("Gustavo Ribeiro", Person, "Gustavo Ribeiro"),
            ("Brasil", Gpe, "Brazil"),
            ("Nurhayati", Person, "Nurhayati"),
            ("Syafrizal", Person, "Syafrizal"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("Kami bermain sangat baik", Some("Gustavo Ribeiro")),
            (
                "Modal habis untuk ganti barang yang rusak",
                Some("Syafrizal")
            ),
            ("Kami belum menerima bantuan sama sekali", None),
        ],
        "{s:?}"
    );
    let (s, _) = check(
        "en",
        "John Tipene, 46, was charged with burglary. Police arrested Rangi Hohaia. The 46-year-old told the court he was innocent.",
        &[
            ("John Tipene", Person, "John Tipene"),
            ("Rangi Hohaia", Person, "Rangi Hohaia"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![("he was innocent", Some("John Tipene"))],
        "{s:?}"
    );
    // Someone new of that age, or of that noun kept unnamed, came up since: the phrase is
    // about that one.
    let (s, _) = check(
        "en",
        "John Tipene, 46, was charged with burglary. A 46-year-old woman was also arrested. The 46-year-old told the court she was innocent.",
        &[("John Tipene", Person, "John Tipene")],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![("she was innocent", None)],
        "{s:?}"
    );
    let (s, _) = check(
        "id",
        "Ibu Nurhayati kehilangan rumah. Pedagang yang tidak mau disebut namanya juga kehilangan kios. \"Kami belum menerima bantuan,\" kata pedagang itu.",
        &[("Nurhayati", Person, "Nurhayati")],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![("Kami belum menerima bantuan", None)],
        "{s:?}"
    );
}

#[test]
fn ar_a_preposition_or_manner_after_a_verb_first_cue_is_no_subject() {
    let (s, claims) = check(
        "ar",
        "التقت الصحيفة المزارع أحمد سالم في قريته. وقال لنا إن الحكومة لم تدعم المزارعين. وأضاف بصوت مخنوق إن الموسم ضاع بالكامل. \"لا نطلب شيئا كثيرا\"، قال سالم، قبل أن يضيف بمرارة: \"نريد أن نعيش بكرامة\".",
        &[
            ("أحمد سالم", Person, "أحمد سالم"),
            ("سالم", Person, "أحمد سالم"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("الحكومة لم تدعم المزارعين", Some("أحمد سالم")),
            ("الموسم ضاع بالكامل", Some("أحمد سالم")),
            ("لا نطلب شيئا كثيرا", Some("أحمد سالم")),
            ("نريد أن نعيش بكرامة", Some("أحمد سالم")),
        ],
        "{s:?}"
    );
    let text = "التقت الصحيفة المزارع أحمد سالم في قريته. وقال لنا إن الحكومة لم تدعم المزارعين. وأضاف بصوت مخنوق إن الموسم ضاع بالكامل. \"لا نطلب شيئا كثيرا\"، قال سالم، قبل أن يضيف بمرارة: \"نريد أن نعيش بكرامة\".";
    for t in speaker_texts("ar", text, &claims) {
        assert!(!t.starts_with(['ب', 'ل', 'ق']), "{t}");
    }
}

#[test]
fn en_an_indefinite_role_with_an_adjective_and_a_long_prepositional_phrase_is_someone_new() {
    let (s, _) = check(
        "en",
        "Ashish Phadke said the plan was fine. A senior official in the Chief Minister's Office, who did not wish to be identified, said the report was wrong.",
        &[("Ashish Phadke", Person, "Ashish Phadke")],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("the plan was fine", Some("Ashish Phadke")),
            ("the report was wrong", None),
        ],
        "{s:?}"
    );
}

const TEXT_ID_OPENED: &str = "Polisi menahan dua pelaku. Dijelaskan Kapolsek Tebet Kompol Budi Santoso, kedua pelaku sudah ditahan sejak Senin. ”Kami akan proses sesuai hukum,” kata Budi. Kata Budi, pihaknya masih mendalami motif pelaku. Namun, kata dia, pelaku sudah lama diintai polisi. Pelaku sudah ditahan sejak Senin lalu, kata Budi. Barang bukti sudah diamankan di Polsek Tebet, ditambahkan Budi.";

#[test]
fn id_quotations_opened_with_the_closing_mark_and_cues_before_the_speaker_that_open_a_sentence() {
    let (s, _) = check(
        "id",
        TEXT_ID_OPENED,
        &[
            ("Budi Santoso", Person, "Budi Santoso"),
            ("Budi", Person, "Budi Santoso"),
        ],
    );
    // One claim for "kata dia", which two labelers read; in the sentences' order.
    let mut s = s;
    let at = |c: &str| TEXT_ID_OPENED.find(c).unwrap_or(usize::MAX);
    s.sort_by_key(|x| at(&x.0));
    assert_eq!(
        s,
        vec![
            seen(
                "kedua pelaku sudah ditahan sejak Senin",
                Some("Budi Santoso"),
                Some("Dijelaskan"),
                ClaimKind::Indirect
            ),
            seen(
                "Kami akan proses sesuai hukum",
                Some("Budi Santoso"),
                Some("kata"),
                ClaimKind::Direct
            ),
            seen(
                "pihaknya masih mendalami motif pelaku",
                Some("Budi Santoso"),
                Some("Kata"),
                ClaimKind::Indirect
            ),
            seen(
                "pelaku sudah lama diintai polisi",
                Some("Budi Santoso"),
                Some("kata"),
                ClaimKind::Indirect
            ),
            seen(
                "Pelaku sudah ditahan sejak Senin lalu",
                Some("Budi Santoso"),
                Some("kata"),
                ClaimKind::Indirect
            ),
            seen(
                "Barang bukti sudah diamankan di Polsek Tebet",
                Some("Budi Santoso"),
                Some("ditambahkan"),
                ClaimKind::Indirect
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn id_bare_men_verbs_and_a_noun_of_a_woman_pointing_back() {
    let (s, _) = check(
        "id",
        "Seorang suporter, Fadli Yusuf, berharap manajemen menambah pemain di lini belakang. Dalam dakwaannya, jaksa menyebut terdakwa melanggar Pasal 2 Undang-Undang Tipikor. Nasib serupa dialami Nurhayati. Ibu tiga anak ini bercerita, ia dan suaminya terbangun karena suara batu. Ia bercerita panjang lebar tentang pengalamannya menjadi buruh migran.",
        &[
            ("Fadli Yusuf", Person, "Fadli Yusuf"),
            ("Nurhayati", Person, "Nurhayati"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            (
                "manajemen menambah pemain di lini belakang",
                Some("Fadli Yusuf")
            ),
            ("terdakwa melanggar Pasal 2 Undang-Undang Tipikor", None),
            (
                "ia dan suaminya terbangun karena suara batu",
                Some("Nurhayati")
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn en_a_speaker_before_an_appositive_an_aside_in_the_clause_and_an_interposed_cue() {
    let (s, _) = check(
        "en",
        "Priya Raman, senior economist at Zillow, told Newsweek: \"Do not expect a flood of new listings just yet.\" Principal Magistrate Ernest Lam said the posts, published on Facebook last year, were intended to stir up hatred. Non-tariff barriers, Grace Atieno argued, cost the region more than any tariff. \"Fundamentals remain solid,\" Ernest Lam said, pointing to low inflation.",
        &[
            ("Priya Raman", Person, "Priya Raman"),
            ("Zillow", Org, "Zillow"),
            ("Newsweek", Org, "Newsweek"),
            ("Ernest Lam", Person, "Ernest Lam"),
            ("Grace Atieno", Person, "Grace Atieno"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            (
                "the posts, published on Facebook last year, were intended to stir up hatred",
                Some("Ernest Lam")
            ),
            (
                "Do not expect a flood of new listings just yet",
                Some("Priya Raman")
            ),
            ("Fundamentals remain solid", Some("Ernest Lam")),
            ("cost the region more than any tariff", Some("Grace Atieno")),
        ],
        "{s:?}"
    );
}

#[test]
fn ar_plural_participles_take_the_main_clause_speaker() {
    let (s, _) = check(
        "ar",
        "وأشار وزير الاقتصاد باسل الحموي إلى أن الحكومة رصدت الاعتمادات اللازمة لشراء القمح، مقدراً أن يصل الإنتاج إلى نحو 1.2 مليون طن.",
        &[("باسل الحموي", Person, "باسل الحموي")],
    );
    assert_eq!(
        contents_and_cues(&s),
        vec![
            ("الحكومة رصدت الاعتمادات اللازمة لشراء القمح", "أشار"),
            ("يصل الإنتاج إلى نحو 1.2 مليون طن", "مقدراً"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_noun_of_people_heading_the_speaker_names_no_place_or_body_after_it() {
    let (s, _) = check(
        "en",
        "One man on Lima Street said he had ignored an evacuation warning. A nurse at Kenyatta National Hospital said the wards were full. The Los Angeles County Sheriff's Department said deputies were going door to door.",
        &[
            ("Lima Street", EntityType::Loc, "Lima Street"),
            (
                "Kenyatta National Hospital",
                Org,
                "Kenyatta National Hospital",
            ),
            (
                "Los Angeles County Sheriff's Department",
                Org,
                "Los Angeles County Sheriff's Department",
            ),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("he had ignored an evacuation warning", None),
            ("the wards were full", None),
            (
                "deputies were going door to door",
                Some("Los Angeles County Sheriff's Department")
            ),
        ],
        "{s:?}"
    );
    let (s, _) = check(
        "id",
        "Warga Kampung Cimacan mengaku rumahnya terendam sejak Senin. Dosen FISIP USU menilai kenaikan pajak itu akan menekan warga.",
        &[
            ("Kampung Cimacan", Gpe, "Kampung Cimacan"),
            ("FISIP USU", Org, "FISIP USU"),
        ],
    );
    assert_eq!(
        contents_and_speakers(&s),
        vec![
            ("rumahnya terendam sejak Senin", None),
            ("kenaikan pajak itu akan menekan warga", None),
        ],
        "{s:?}"
    );
}
