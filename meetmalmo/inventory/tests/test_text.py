from meetmalmo.inventory import text


def test_stop_words_of_both_languages_are_dropped():
    # PostgreSQL's lists (vi, att, och, the) and the register's words without a subject
    # (vill, get: data/register.stop).
    assert text.words("Vi vill att unga och the young get jobs") == ["unga", "young", "jobs"]


def test_a_compound_part_that_is_a_stop_word_counts_for_nothing():
    assert text.compound_parts("arbetsmiljö") == ("arbet", "miljö")
    assert "arbet" not in text.terms("arbetsmiljö", "sv")
    assert text.terms("arbetsmiljö", "sv")["miljö"] == text.PART_WEIGHT


def test_the_written_words_keep_how_the_person_wrote_them():
    shown = text.written_words("Sommarjobben på Hotell Hamnkrogen", "sv")
    assert shown[text.stem("sommarjobben", "sv")] == "Sommarjobben"
    assert shown["jobb"] == "Sommarjobben" and shown[text.stem("hotell", "sv")] == "Hotell"


def test_swedish_words_are_stemmed_to_a_common_form():
    assert text.stem("ungdomarna", "sv") == text.stem("ungdomar", "sv") == "ungdom"
    assert text.stem("restaurangerna", "sv") == text.stem("restaurang", "sv")
    assert text.stem("jobs", "en") == text.stem("job", "en")


def test_a_compound_is_split_into_known_parts():
    assert text.compound_parts("sommarjobb") == (text.stem("sommar", "sv"), "jobb")
    assert text.compound_parts("arbetsmarknadsutbildning") == ("arbetsmarkn", "utbildning")
    assert text.compound_parts("spelbranschen") == ("spel", "bransch")
    # Words that only look like compounds stay whole.
    assert text.compound_parts("företagare") is None
    assert text.compound_parts("restaurang") is None


def test_the_parts_of_a_compound_count_half():
    weights = text.terms("sommarjobb", "sv")
    assert weights["sommarjobb"] == 1 and weights["jobb"] == 0.5


def test_other_scripts_and_digits_are_handled():
    assert text.words("مرحبا بالعالم 2026 Привет") == ["مرحبا", "بالعالم", "привет"]
    assert text.terms("", "sv") == {}


def test_a_huge_text_is_cut_to_a_known_length():
    assert len(text.words("jobb " * 100_000)) == text.MAX_CHARS // 5


def test_runs_of_letters_longer_than_any_word_are_ignored():
    assert text.words("a" * 10_000 + " sommarjobb") == ["sommarjobb"]


def test_a_searched_definite_form_also_stands_for_the_indefinite():
    assert "bageri" in text.search_stems("bageriet")
    assert text.stem("hotell", "sv") in text.search_stems("hotellet")
    assert "kafé" in text.search_stems("kafét")
    assert "kafé" in text.search_stems("kaféet")
    assert "kafé" in text.search_stems("kaféer")  # the plural is the stemmer's own
    assert "idé" in text.search_stems("idén")


def test_a_final_e_is_searched_with_and_without_its_accent():
    assert "kafé" in text.search_stems("kafe")
    assert "kafe" in text.search_forms("kafé")


def test_short_words_ending_like_a_definite_form_stay_whole():
    assert text.search_forms("paket") == {"paket"}
    assert text.search_forms("") == {""}
