from kg.nlp.sentences import is_boilerplate, split_sentences
from kg.nlp.tokens import tokenize


def _texts(text, lang):
    return [text[s.start:s.end] for s in split_sentences(text, lang)]


def test_abbreviations_and_decimals_do_not_split():
    text = "Dr. Budi tinggal di Jl. Merdeka No. 5. Harga naik 25.000 rupiah. Ia pulang."
    assert _texts(text, "id") == ["Dr. Budi tinggal di Jl. Merdeka No. 5.", "Harga naik 25.000 rupiah.", "Ia pulang."]


def test_english_initials_and_quotes():
    text = 'The U.S. envoy arrived. "We talked," he said. Mr. Smith left.'
    assert _texts(text, "en") == ["The U.S. envoy arrived.", '"We talked," he said.', "Mr. Smith left."]


def test_line_breaks_end_sentences_and_boilerplate_is_dropped():
    text = "Judul berita\r\n\r\nIsi berita pertama.\nPost a Comment\nPrevious Post Next Post\nBaca juga: Lainnya"
    assert _texts(text, "id") == ["Judul berita", "Isi berita pertama."]
    assert is_boilerplate("Share on Facebook Twitter") and not is_boilerplate("Kim berbagi foto di Telegram.")


def test_offsets_index_the_original_text():
    text = "  Lavrov tiba.  Kim menyambut. "
    for s in split_sentences(text, "id"):
        assert text[s.start:s.end].strip() == text[s.start:s.end]
    tokens = tokenize("Lavrov bertemu", "id", offset=10)
    assert (tokens[1].start, tokens[1].lemma) == (17, "temu")


def test_furniture_inside_a_paragraph_and_lines_in_capitals_are_dropped():
    text = ("Kemlu menyatakan itu. SCROLL TO CONTINUE WITH CONTENT Ia bertemu Lavrov.\n"
            "SUSUNAN PEMAIN\nLihat juga Video: Kemlu Jelaskan Pertemuan\nADVERTISEMENT\nRead more: Oil rises")
    assert _texts(text, "id") == ["Kemlu menyatakan itu.", "Ia bertemu Lavrov."]


def test_a_text_without_punctuation_is_cut_into_bounded_sentences():
    text = "kata " * 3000
    sentences = split_sentences(text, "id")
    assert len(sentences) >= 15 and all(s.end - s.start <= 1000 for s in sentences)
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in sentences)


def test_a_long_run_of_full_stops_is_split_in_linear_time():
    import time

    started = time.perf_counter()
    assert _texts("Kata" + "." * 40_000 + " Lalu datang.", "id")[-1] == "Lalu datang."
    assert time.perf_counter() - started < 2.0


def test_content_after_a_furniture_phrase_at_a_line_start_is_kept():
    assert _texts("SCROLL TO CONTINUE WITH CONTENT Kim tiba.\nScroll to continue", "id") == ["Kim tiba."]
