from meetmalmo.inventory import text


def test_stop_words_of_both_languages_are_dropped():
    assert text.words("Vi vill att unga och the young get jobs") == [
        "vill",
        "unga",
        "young",
        "get",
        "jobs",
    ]


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
