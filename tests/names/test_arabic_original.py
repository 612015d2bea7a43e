"""Names written in Arabic script, screened against the Latin names of the real UN and
UK lists (their original-script names withheld, so the match has to come through
transliteration), and the Latin forms behind those matches."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.lists.registry import parse_file
from sanctionwatch.names import latin_forms, script_of
from sanctionwatch.names.arabic import romanize_arabic
from sanctionwatch.screening import Query, Screener
from tests.conftest import shared_file


def forms(text: str) -> dict[str, str]:
    return {f.text: f.method for f in latin_forms(text)}


def test_a_name_written_twice_is_also_read_once() -> None:
    # UK list, original-script name of Abu Mohammed al-Jawlani ("Shaykh al-Fatih")
    got = forms("شيخ الفاتح ، الفاتح")
    assert got["shaykh al fatih"] == "arabic-unique"
    assert got["sk l pth"] == "arabic-unique-skeleton"
    assert "shaykh al fatih al fatih" in got
    # no repeated word: no extra forms
    assert not any("unique" in m for m in forms("صدام حسين التكريتي").values())


def test_repeated_particles_are_not_a_name_written_twice() -> None:
    # UN: ALI BEN TAHER BEN FALEH OUNI HARZI
    got = forms("علي بن الطاھر بن الفالح العوني الحرزي")
    assert not any("unique" in m for m in got.values())
    assert "ali ben al taher ben al falih al uni al harzai" in got


def test_urdu_heh_reads_as_heh() -> None:
    # UN: TAHA IBRAHIM ABDALLAH BAKR AL KHUWAYT, written with ھ
    assert forms("طھ إبراھیم")["taha ibrahim"] == "arabic"


def test_joined_first_names_are_split_and_kept_joined() -> None:
    # UN/UK: Mohammad Taghi OSANLOO, Alireza HEYDARNIA
    got = forms("محمدتقی اسانلو")
    assert "muhammad taqi asanlu" in got
    got = forms("علیرضا حیدرنیا")
    assert "ali reza hidrnya" in got
    assert got["alireza hidrnya"] == "arabic-joined-name"
    # a word that only starts like one is left alone
    assert forms("عليو") == {"aliu": "arabic"}


def test_organisation_words_are_glossed_with_their_articles() -> None:
    # UN: EGYPTIAN ISLAMIC JIHAD, ARMED ISLAMIC GROUP
    assert forms("الجهاد الاسلامي المصري")["jihad islamic egyptian"] == "arabic-gloss"
    assert forms("الجماعة الاسلامية المسلحة")["group islamic armed"] == "arabic-gloss"
    # the usual reading stays first
    assert latin_forms("الجهاد الاسلامي المصري")[0].text == "al jihad al aslami al masri"


def test_unwritten_ain_leaves_the_vowel_after_the_first_consonant() -> None:
    # UN: MOHAMMAD YAQOUB
    assert "muhammad yaqub" in forms("محمد يعقوب")
    assert "jafar" in forms("جعفر")


def test_persian_nisba_after_cacec() -> None:
    # UK: Hamid VAHEDI; the Persian reading only (Arabic قاسمي stays qasmi, Gasmi)
    assert forms("حمید واحدی")["hamid vahedi"] == "arabic-fa"
    assert "qasmi" in forms("قاسمي")
    assert "wahid" in forms("واحد")


def test_waw_before_alif_is_w() -> None:
    assert "nawal" in forms("نوال")
    assert "jawad" in forms("جواد")
    # elsewhere a long u
    assert "mahmud" in forms("محمود")
    assert "tawus" in forms("طاووس")


def test_lone_consonant_skeletons_are_not_given() -> None:
    # أبو دعاء (Abu Du'a): "b d" would pair with any two names starting b and d
    got = forms("أبو دعاء")
    assert "abu dua" in got
    assert "b d" not in got
    assert "hsn mhmd" in forms("حسين محمد")


def test_persian_company_word_is_glossed() -> None:
    got = forms("شرکت تایدواتر خاورمیانه")
    assert got["company taydwatr middle east"] == "arabic-gloss"


@lru_cache(maxsize=1)
def latin_only_screener() -> Screener:
    """The UN list and the UK list with their non-Latin names left out."""
    entities: list[Entity] = []
    for rel in (
        "lists/un/consolidated_2026-02-27.xml",
        "lists/uk/ConList_2025-04-14.derived-from-xlsx.csv",
    ):
        for entity in parse_file(shared_file(rel)).entities:
            entity.names = [n for n in entity.names if script_of(n.full) == "Latn"]
            if entity.names:
                entities.append(entity)
    # OFAC's alias of an unrelated person, a match for the lone skeleton "b d"
    entities.append(
        Entity("ofac_sdn", "d-boy", EntityKind.PERSON, [Name("D-BOY", NameKind.WEAK_ALIAS)])
    )
    return Screener.from_entities(entities)


def top_names(query: str) -> set[str]:
    found = latin_only_screener().screen(Query(query), limit=3)
    if not found:
        return set()
    best = found[0].score
    return {m.entity.names[0].full.upper() for m in found if m.score == best}


def test_real_original_script_names_find_their_entries() -> None:
    # UK 12883 / UN QDi.317
    assert "ABU MOHAMMED AL-JAWLANI" in top_names("شيخ الفاتح ، الفاتح")
    # UN QDi.299, listed as Abu Du'a
    assert "IBRAHIM AWWAD IBRAHIM ALI AL-BADRI AL-SAMARRAI" in top_names("أبو دعاء")
    # UN TAi.142 (Abdul Hai Hazem Abdul Qader), not 'ABD-AL-QADIR, Abd-al-'Aziz
    assert top_names("عبد الحی عظیم عبد القادر") == {"ABDUL HAI HAZEM ABDUL QADER"}
    # UK 12460 (Tidewater Middle East Co.)
    assert "TIDEWATER" in top_names("شرکت تایدواتر خاورمیانه")


def test_persian_v_abu_joined_and_the_conjunction_wa() -> None:
    # Persian و after a consonant is v: -avi (UK: Ali FADAVI, Yahya Rahim SAFAVI) and
    # before a long a (UK: Abolghasem SALAVATI); Arabic readings stay
    assert forms("علی فدوی")["ali fadavi"] == "arabic-fa"
    assert "ali fadui" in forms("علی فدوی")
    # the skeleton marks the long i the script writes at the end (names.arabic.WRITTEN_I)
    assert ("l", "pdbi") in {tuple(t.split()) for t in forms("علی فدوی")}
    assert forms("روحانی")["ruhani"] == "arabic"  # not before a long a or -i: u
    assert "navaz" not in forms("نواز") and "nawaz" in forms("نواز")  # no Persian letter
    # ابوال: Abu joined to the article, and as the lists join it
    got = forms("ابوالقاسم صلواتی")
    assert "abu al qasim salwati" in got
    assert got["abolqasim salvati"] == "arabic-fa"
    assert "abulhasan" in forms("ابوالحسن")
    # the conjunction wa before the article (UN: ISIL - Yemen)
    got = forms("الدولة الإسلامية في العراق والشام - اليمن")
    assert got["state islamic in iraq and levant yemen"] == "arabic-gloss"
    assert "al dula al aslamiya fi al araq wal sham al yamn" in got
    assert forms("والي") == {"wali": "arabic"}  # a name that only starts like one
    # bin joined to the father's name (UN: SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE)
    assert "saifullah bin umar bin muhammad bin husayn" in forms("سيف الله بن عمر بن محمد بنحسين")
    assert forms("بنان") == {"banan": "arabic", "bn": "arabic-skeleton"}  # not bin + a name


def test_persian_names_find_their_entries() -> None:
    assert top_names("علی فدوی") == {"ALI FADAVI"}  # UK
    assert top_names("یحیی رحیم صفوی") == {"YAHYA RAHIM SAFAVI"}  # UK
    assert "ABDOLGHASSEM SALAVATI" in top_names("ابوالقاسم صلواتی")  # UK
    assert top_names("سازمان-صنایع-هوافضا") == {"AEROSPACE INDUSTRIES ORGANISATION"}  # UK
    assert top_names("الدولة الإسلامية في العراق والشام - اليمن") == {
        "ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN"  # UN
    }
    # Abd al-Rahman as the lists write it assimilated: Abdur Rahman (UN: ABDUR REHMAN)
    assert "ABDUR REHMAN" in top_names("عبد الرحمن")
    # other given names: not these people
    assert not top_names("حسین فدوی")
    assert not top_names("علی صفوی")


def test_names_found_only_through_their_consonants() -> None:
    # the transliteration guesses other vowels; the skeletons agree (UN/UK)
    assert top_names("كمال جرمان") == {"KAMEL DJERMANE"}
    assert top_names("علی اسفنجانی") == {"ALI ESFANJANI"}
    assert top_names("علیرضا حیدرنیا") == {"ALIREZA HEYDARNIA"}
    # a consonant skeleton has no legal form: "sl" is not S.L. (UN: Roodi SLEWA)
    assert top_names("رودي سليــوة") == {"ROODI SLEWA"}
    assert len({m.entity.ref for m in latin_only_screener().screen(Query("رودي سليوة"))}) <= 2
    # other names: not these people
    assert not top_names("حسن جرمان")
    assert not top_names("علی اسفندیاری")


def test_short_arabic_names_do_not_match_unrelated_entries() -> None:
    found = latin_only_screener().screen(Query("أبو دعاء"), limit=10)
    assert "D-BOY" not in {m.entity.names[0].full for m in found}
    assert not latin_only_screener().screen(Query("أبو"), limit=10)


arabic_letters = "ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئپچژگکیہ"
# Few distinct words, so that names with repeated words come up often.
arabic_words = st.lists(
    st.sampled_from(["الفاتح", "عبد", "الله", "بالدم", "دعاء", "شرکت"])
    | st.text(alphabet=st.sampled_from(list(arabic_letters)), min_size=1, max_size=6),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(arabic_words, st.sampled_from([" ", " ، ", "-"]))
def test_arabic_forms_never_crash_and_are_clean(words: list[str], sep: str) -> None:
    for form in latin_forms(sep.join(words)):
        assert form.text == " ".join(form.text.split())
        assert form.text.isascii()
        assert form.text == form.text.lower()
    assert all(method.startswith("arabic") for _, method in romanize_arabic(tuple(words)))


def test_a_name_ending_repeated_joins_once() -> None:
    # "... الدين الدين": the second ending stays a word of its own
    forms = latin_forms("بالدم الدين الدين")
    assert forms and all(f.text and f.text == f.text.strip() for f in forms)
