"""The corpus tools (bench/corpus): working annotations become offsets and hashes, and a local copy
is checked against the manifest. Run on a small corpus written in tmp_path (our own sentences)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

CORPUS_TOOLS = Path(__file__).resolve().parents[2] / "bench" / "corpus"

ARTICLE = ("وزير الإعلام يفتتح الملتقى\n\n"
           "مسقط - قال معالي الدكتور عبدالله بن ناصر الحراصي وزير الإعلام: «الملتقى منصة للحوار»، "
           "وأكد أن الإعلام شريك في التنمية. وشارك في الملتقى أكثر من 300 إعلامي.\n"
           "وأضاف الحراصي: «الملتقى منصة للحوار» في كل دورة.\n")


def load(name: str):
    """A corpus tool as a module (the scripts are not in a package)."""
    if str(CORPUS_TOOLS) not in sys.path:
        sys.path.insert(0, str(CORPUS_TOOLS))
    if name == "layout":
        return importlib.import_module("corpus_layout")
    module_name = f"corpus_tool_{name}"
    if module_name not in sys.modules:
        where = CORPUS_TOOLS.parent if name == "extraction" else CORPUS_TOOLS  # the benchmark is bench/extraction.py
        spec = importlib.util.spec_from_file_location(module_name, where / f"{name}.py")
        sys.modules[module_name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[module_name])
    return sys.modules[module_name]


def working_file(**changes) -> dict:
    work = {"id": "oman-minister-forum", "address": "https://example.org/news/1", "outlet": "صحيفة المثال",
            "outlet_slug": "example", "country": "OM", "genre": "ministerial", "complete": True,
            "quotes": [
                {"text": "الملتقى منصة للحوار", "occurrence": 1, "kind": "direct",
                 "speaker": "عبدالله بن ناصر الحراصي", "speaker_kind": "person",
               "title": "وزير الإعلام",
                 "organisation": None},
                {"text": "الإعلام شريك في التنمية", "kind": "indirect", "speaker": "عبدالله بن ناصر الحراصي",
                 "speaker_kind": "person", "title": "وزير الإعلام", "organisation": None},
                {"text": "الملتقى منصة للحوار", "occurrence": 2, "kind": "continuation",
                 "speaker": "عبدالله بن ناصر الحراصي", "speaker_kind": "person",
               "title": None,
                 "organisation": None}],
            "figures": [{"text": "أكثر من 300 إعلامي", "value": 300, "unit": "people", "counts": "media people"}]}
    work.update(changes)
    return work


@pytest.fixture
def corpus(tmp_path: Path):
    layout = load("layout")
    paths = layout.CorpusPaths(tmp_path / "corpus")
    paths.texts.mkdir(parents=True)
    paths.work.mkdir()
    paths.text_path("oman-minister-forum").write_text(ARTICLE, encoding="utf-8", newline="\n")
    paths.work_path("oman-minister-forum").write_text(json.dumps(working_file(), ensure_ascii=False), encoding="utf-8")
    return paths, tmp_path / "manifest.tsv", tmp_path / "annotations"


def test_annotation_holds_offsets_and_hashes_that_check_verifies(corpus) -> None:
    paths, manifest, folder = corpus
    annotate, check, layout = load("annotate"), load("check"), load("layout")
    assert annotate.annotate(paths, ["oman-minister-forum"], folder) == 0
    annotate.refresh_manifest(paths, manifest)
    annotation = json.loads((folder / "oman-minister-forum.json").read_text(encoding="utf-8"))
    first, _, repeated = annotation["quotes"]
    assert layout.span_text(ARTICLE, first["text"]) == "الملتقى منصة للحوار"
    assert repeated["text"]["start"] > first["text"]["start"]  # occurrence 2 is the second place
    assert layout.span_text(ARTICLE, repeated["speaker"]) == "عبدالله بن ناصر الحراصي"
    assert repeated["kind"] == "continuation" and first["organisation"] is None
    assert annotation["figures"][0]["value"] == 300
    assert "الملتقى" not in (folder / "oman-minister-forum.json").read_text(encoding="utf-8")  # no quoted words
    assert check.check(paths, manifest, folder) == []


def test_a_string_not_in_the_article_or_a_quote_with_its_marks_is_refused(corpus, capsys) -> None:
    paths, _, folder = corpus
    annotate = load("annotate")
    work = working_file()
    work["quotes"][0]["text"] = "«الملتقى منصة للحوار»"
    work["quotes"][1]["speaker"] = "عبد الله الحراصي"
    paths.work_path("oman-minister-forum").write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    assert annotate.annotate(paths, ["oman-minister-forum"], folder) == 1
    printed = capsys.readouterr().out
    assert "quote 1: the span keeps the quotation marks «» around it" in printed
    assert "quote 2 speaker: not found in the article" in printed
    assert not (folder / "oman-minister-forum.json").exists()


def test_quotation_marks_inside_a_quote_are_fine_around_it_not() -> None:
    annotate = load("annotate")
    assert annotate.quotation_problem("«كونا» أثبتت دورها") is None
    assert annotate.quotation_problem('زيارته خطوة "تأتي للتأكيد"') is None
    assert "around it" in annotate.quotation_problem("«الملتقى منصة للحوار»")
    assert "unmatched" in annotate.quotation_problem("الملتقى منصة للحوار»")
    assert "edge" in annotate.quotation_problem("الملتقى منصة للحوار.")


def test_the_manifest_keeps_other_peoples_rows_sorted(corpus) -> None:
    paths, manifest, _ = corpus
    annotate, layout = load("annotate"), load("layout")
    other = dict.fromkeys(layout.MANIFEST_COLUMNS, "x") | {"id": "aaa-other"}
    layout.write_manifest({"aaa-other": other}, manifest)
    annotate.refresh_manifest(paths, manifest)
    rows = layout.read_manifest(manifest)
    assert list(rows) == ["aaa-other", "oman-minister-forum"]
    assert rows["oman-minister-forum"]["sha256"] == layout.sha256_hex(ARTICLE.encode("utf-8"))
    assert rows["oman-minister-forum"]["outlet"] == "example"


def test_check_names_missing_changed_and_extra_texts(corpus) -> None:
    paths, manifest, folder = corpus
    annotate, check = load("annotate"), load("check")
    annotate.annotate(paths, ["oman-minister-forum"], folder)
    annotate.refresh_manifest(paths, manifest)
    paths.text_path("stray").write_text("نص", encoding="utf-8")
    paths.text_path("oman-minister-forum").write_text(ARTICLE.replace("300", "400"), encoding="utf-8")
    problems = check.check(paths, manifest, folder)
    assert any(line.startswith("oman-minister-forum: changed") for line in problems)
    assert "stray: extra text, not in the manifest (annotate it or remove it)" in problems
    paths.text_path("oman-minister-forum").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert any("CR line ends" in line for line in check.check(paths, manifest, folder))
    paths.text_path("oman-minister-forum").unlink()
    problems = check.check(paths, manifest, folder)
    assert "oman-minister-forum: missing (retrieve it from https://example.org/news/1)" in problems


def test_check_finds_a_span_whose_words_moved(corpus) -> None:
    paths, manifest, folder = corpus
    annotate, check = load("annotate"), load("check")
    annotate.annotate(paths, ["oman-minister-forum"], folder)
    annotate.refresh_manifest(paths, manifest)
    target = folder / "oman-minister-forum.json"
    annotation = json.loads(target.read_text(encoding="utf-8"))
    annotation["figures"][0]["text"]["start"] += 1
    target.write_text(json.dumps(annotation), encoding="utf-8")
    span = annotation["figures"][0]["text"]
    assert check.check(paths, manifest, folder) == [
        f"oman-minister-forum: figure 1 text: span {span['start']}-{span['end']} no longer holds the annotated words"]


def test_a_speaker_is_right_when_the_proposal_holds_first_and_last_name() -> None:
    scoring = load("corpus_scoring")
    assert scoring.right_speaker("د. عبدالله الحراصي", "عبدالله بن ناصر الحراصي")
    assert scoring.right_speaker("معالي عبد الله بن ناصر الحراصى", "عبدالله بن ناصر الحراصي")
    assert not scoring.right_speaker("عبدالله بن ناصر", "عبدالله بن ناصر الحراصي")
    assert not scoring.right_speaker(None, "عبدالله بن ناصر الحراصي")
    assert scoring.right_speaker(None, None) and not scoring.right_speaker("الحراصي", None)


def test_outlet_halves_are_balanced_by_articles_and_do_not_depend_on_order() -> None:
    scoring = load("corpus_scoring")
    outlets = ["wam"] * 5 + ["spa"] * 4 + ["kuna", "bna", "qna", "ona", "alroya", "alwatan"] * 1
    half_a, half_b = scoring.outlet_halves(outlets)
    assert sorted(half_a + half_b) == sorted(set(outlets)) and not set(half_a) & set(half_b)
    sizes = [sum(outlets.count(outlet) for outlet in half) for half in (half_a, half_b)]
    assert abs(sizes[0] - sizes[1]) <= 5
    assert scoring.outlet_halves(reversed(outlets)) == (half_a, half_b)


def test_scoring_counts_continuations_as_quotes_and_matches_by_half_overlap() -> None:
    scoring = load("corpus_scoring")
    from archive.importing.extraction import extract

    quoted = "الملتقى منصة للحوار"
    reported = "الإعلام شريك في التنمية"
    continued = "المشاركة بلغت مستوى غير مسبوق في هذه الدورة"
    text = (f"قال وزير الإعلام عبدالله بن ناصر الحراصي: «{quoted}». وأكد الوزير أن {reported}. "
            f"وأشار إلى أن {continued}. وشارك أكثر من 300 إعلامي.\n")
    spans = [(text.index(words), text.index(words) + len(words)) for words in (quoted, reported, continued)]
    article = scoring.Article("t", "example", text,
                              tuple(scoring.GoldQuote(s, e, "عبدالله بن ناصر الحراصي") for s, e in spans),
                              (scoring.GoldFigure(text.index("300"), text.index("300") + 3),))
    with_further = scoring.score_article(article, extract)
    main_only = scoring.score_article(article, extract, continuations=False)
    assert len(extract(text).further_quotes) >= 1
    assert with_further.quotes_found == main_only.quotes_found + len(extract(text).further_quotes)
    assert with_further.quotes_matched_gold > main_only.quotes_matched_gold
    assert with_further.figures_matched_gold == 1
    assert scoring.half_overlap((0, 10), (4, 12)) and not scoring.half_overlap((0, 10), (0, 30))


def test_a_group_that_speaks_may_be_named_or_left_without_a_speaker() -> None:
    scoring = load("corpus_scoring")
    assert scoring.right_speaker(None, "منظمو الملتقى", "group")
    assert scoring.right_speaker("منظمو الملتقى", "منظمو الملتقى", "group")
    assert not scoring.right_speaker(None, "سلمى بنت راشد الكندية", "person")
    assert not scoring.right_speaker("راشد الكندي", "منظمو الملتقى", "group")


def test_miss_classes_name_the_kind_of_wrong_speaker() -> None:
    classes = load("miss_classes")
    assert classes.speaker_class("عبدالله الحراصي", "عبدالله بن ناصر الحراصي") == "right"
    assert classes.speaker_class("الدكتورعبدالله", "عبدالله بن ناصر الحراصي") == "another name"
    assert classes.speaker_class("أحمد خالد", "أحمد خالد العريفي") == "part of the name"
    assert classes.speaker_class(None, "أحمد خالد العريفي") == "no speaker proposed"


def test_the_committed_manifest_and_annotations_agree(tmp_path: Path) -> None:
    """Without the texts (as in CI) the only problems may be the missing texts themselves."""
    check, layout = load("check"), load("layout")
    problems = check.check(layout.CorpusPaths(tmp_path))
    assert [line for line in problems if ": missing (retrieve it from http" not in line] == []
    assert len(problems) == len(layout.read_manifest())


def test_the_committed_held_out_set_shares_no_outlet_with_any_other_article() -> None:
    """The set held out now measures outlets nobody studied: none of its outlets has another row."""
    layout = load("layout")
    manifest = layout.read_manifest()
    held_out = layout.held_out_ids()[layout.HELD_OUT_SETS[-1].name]
    assert len(held_out) >= 45
    inside = {manifest[article_id]["outlet"] for article_id in held_out}
    outside = {row["outlet"] for article_id, row in manifest.items() if article_id not in held_out}
    assert inside and not inside & outside


FRESH_ARTICLES = {  # id: (outlet slug, text); our own sentences
    "example-minister-visit": ("example", ARTICLE),
    "sample-press-conference": ("sample", "قال المتحدث الرسمي سالم بن علي الهنائي إن الوزارة تعد خطة جديدة.\n"),
    "unseen-forum-opening": ("unseen",
                             "افتتح المنتدى اليوم. وقال رئيس اللجنة خالد بن سعيد المعمري: «الدورة تجمع 40 دولة».\n"),
}


@pytest.fixture
def corpus_with_fresh(tmp_path: Path):
    """Three articles from three outlets, the third listed in fresh.tsv (the held-out set)."""
    annotate, layout = load("annotate"), load("layout")
    paths = layout.CorpusPaths(tmp_path / "corpus")
    paths.texts.mkdir(parents=True)
    paths.work.mkdir()
    for article_id, (slug, text) in FRESH_ARTICLES.items():
        paths.text_path(article_id).write_text(text, encoding="utf-8", newline="\n")
        work = working_file(id=article_id, outlet_slug=slug, quotes=[], figures=[])
        if slug == "unseen":
            work["quotes"] = [{"text": "الدورة تجمع 40 دولة", "kind": "direct", "speaker": "خالد بن سعيد المعمري",
                               "speaker_kind": "person", "title": "رئيس اللجنة", "organisation": None}]
            work["figures"] = [{"text": "40 دولة", "value": 40, "unit": "countries", "counts": "countries"}]
        paths.work_path(article_id).write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    facts = {"manifest": tmp_path / "manifest.tsv", "annotations": tmp_path / "annotations",
             "lists": {"fresh": tmp_path / "fresh.tsv"}}
    assert annotate.annotate(paths, list(FRESH_ARTICLES), facts["annotations"]) == 0
    annotate.refresh_manifest(paths, facts["manifest"])
    facts["lists"]["fresh"].write_text("# held out on 2 December\nid\nunseen-forum-opening\n", encoding="utf-8")
    return paths, facts


def test_the_fresh_set_is_left_out_of_the_corpus_tables_and_of_its_halves(corpus_with_fresh, capsys) -> None:
    paths, facts = corpus_with_fresh
    benchmark, scoring = load("extraction"), load("corpus_scoring")
    articles, countries, left_out = benchmark.corpus_articles(paths, **facts)
    assert sorted(article.name for article in articles) == ["example-minister-visit", "sample-press-conference"]
    assert left_out == [] and set(countries) == {"example", "sample"}
    beside_manifest = {name: facts[name] for name in ("manifest", "annotations")}  # fresh.tsv found beside it
    assert benchmark.corpus_articles(paths, **beside_manifest)[0] == articles
    benchmark.report_corpus(paths, True, **facts)
    printed = capsys.readouterr().out
    assert "unseen" not in printed and "المعمري" not in printed
    assert "2 articles, 2 outlets" in printed
    half_a, half_b = scoring.outlet_halves(["example", "sample"])
    assert f"half A: {' '.join(half_a)}\nhalf B: {' '.join(half_b)}" in printed  # as without the fresh set


def test_fresh_scores_the_held_out_set_alone_with_its_misses(corpus_with_fresh, capsys) -> None:
    paths, facts = corpus_with_fresh
    benchmark, layout = load("extraction"), load("layout")
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh", **facts)
    assert [article.name for article in articles] == ["unseen-forum-opening"] and set(countries) == {"unseen"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[0], **facts)
    printed = capsys.readouterr().out
    assert "1 articles, 1 outlets, 1 countries" in printed
    assert "FRESH (studied)" in printed and "  unseen (OM)" in printed
    assert "example" not in printed and "sample" not in printed
    assert "unseen-forum-opening" in printed  # --misses lists its articles


def test_check_names_a_fresh_id_missing_from_the_manifest(corpus_with_fresh) -> None:
    paths, facts = corpus_with_fresh
    check, layout = load("check"), load("layout")
    assert check.check(paths, facts["manifest"], facts["annotations"], facts["lists"]) == []
    facts["lists"]["fresh"].write_text("id\nunseen-forum-opening\nnever-annotated\n", encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [  # the fresh.tsv beside the manifest
        "never-annotated: in fresh.tsv but not in the manifest"]
    facts["lists"]["fresh"].write_text("article\nunseen-forum-opening\n", encoding="utf-8")
    with pytest.raises(layout.CorpusError):
        layout.read_fresh(facts["lists"]["fresh"])


def with_held_out_article(corpus, set_name: str, header: str, article: tuple[str, str, str], *, country: str,
                          genre: str, figure: dict, quote: dict):
    """``corpus`` (paths, facts) with one more article, from a new outlet, annotated with one figure and one
    quote and listed alone in ``<set_name>.tsv`` under the comment ``header``."""
    paths, facts = corpus
    annotate = load("annotate")
    article_id, slug, text = article
    paths.text_path(article_id).write_text(text, encoding="utf-8", newline="\n")
    work = working_file(id=article_id, outlet_slug=slug, country=country, genre=genre, figures=[figure])
    work["quotes"] = [quote]
    paths.work_path(article_id).write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    assert annotate.annotate(paths, [article_id], facts["annotations"]) == 0
    annotate.refresh_manifest(paths, facts["manifest"])
    facts = {**facts, "lists": {**facts["lists"], set_name: facts["manifest"].with_name(f"{set_name}.tsv")}}
    facts["lists"][set_name].write_text(f"{header}\nid\n{article_id}\n", encoding="utf-8")
    return paths, facts


SECOND_FRESH_ARTICLE = ("second-unseen-summit", "second",
                        "اختتمت القمة أعمالها. وقالت المديرة العامة منى بنت حمد الراشدية: «وقعنا 12 اتفاقية».\n")


@pytest.fixture
def corpus_with_fresh2(corpus_with_fresh):
    """The three articles above and a fourth, from a fourth outlet, listed in fresh2.tsv (the second held-out set)."""
    return with_held_out_article(
        corpus_with_fresh, "fresh2", "# second held-out set", SECOND_FRESH_ARTICLE, country="QA", genre="summit",
        figure={"text": "12 اتفاقية", "value": 12, "unit": "agreements", "counts": "agreements signed"},
        quote={"text": "وقعنا 12 اتفاقية", "kind": "direct",
               "speaker": "منى بنت حمد الراشدية", "speaker_kind": "person",
               "title": "المديرة العامة", "organisation": None})


def test_the_second_fresh_set_is_left_out_of_the_corpus_and_of_the_first_fresh_set(corpus_with_fresh2, capsys) -> None:
    paths, facts = corpus_with_fresh2
    benchmark, layout = load("extraction"), load("layout")
    corpus = benchmark.corpus_articles(paths, **facts)[0]
    first_fresh = benchmark.corpus_articles(paths, "fresh", **facts)[0]
    assert [article.name for article in corpus] == ["example-minister-visit", "sample-press-conference"]
    assert [article.name for article in first_fresh] == ["unseen-forum-opening"]
    beside_manifest = {name: facts[name] for name in ("manifest", "annotations")}  # the lists found beside it
    assert [article.name for article in benchmark.corpus_articles(paths, **beside_manifest)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    benchmark.report_corpus(paths, True, **facts)
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[0], **facts)
    printed = capsys.readouterr().out
    assert "second-unseen" not in printed and "  second (" not in printed and "الراشدية" not in printed
    assert "studied from 2026-12-02's fourth session on" in printed and "fresh9 is the measure now" in printed


def test_fresh2_scores_the_second_set_alone_with_its_misses(corpus_with_fresh2, capsys) -> None:
    paths, facts = corpus_with_fresh2
    benchmark, layout = load("extraction"), load("layout")
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh2", **facts)
    assert [article.name for article in articles] == ["second-unseen-summit"] and set(countries) == {"second"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[1], **facts)
    printed = capsys.readouterr().out
    assert "1 articles, 1 outlets, 1 countries" in printed and "studied from 2026-12-02 18:00 on" in printed
    assert "fresh9 is the measure now" in printed
    assert "FRESH2 (studied)" in printed and "  second (QA)" in printed and "  QA (1 outlets)" in printed
    assert "example" not in printed and "sample" not in printed and "unseen-forum" not in printed
    assert "second-unseen-summit" in printed  # --misses lists its articles


def test_check_names_a_fresh2_id_missing_from_the_manifest_or_in_both_sets(corpus_with_fresh2) -> None:
    paths, facts = corpus_with_fresh2
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh2"].write_text("id\nsecond-unseen-summit\nunseen-forum-opening\nnever-annotated\n",
                                            encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh2.tsv but not in the manifest",
        "unseen-forum-opening: in both fresh.tsv and fresh2.tsv (a held-out article belongs to one set)"]
    assert "second fresh set (fresh2, studied): 2 articles from 2 outlets" in check.summary(
        facts["manifest"], facts["annotations"])


THIRD_FRESH_ARTICLE = ("third-unseen-visit", "third",
                       "زار الوزير المعرض. وقال وزير الصناعة سالم بن راشد البلوشي إن المعرض يضم 85 شركة.\n")


@pytest.fixture
def corpus_with_fresh3(corpus_with_fresh2):
    """The four articles above and a fifth, from a fifth outlet, listed in fresh3.tsv (the third held-out set)."""
    return with_held_out_article(
        corpus_with_fresh2, "fresh3", "# third held-out set", THIRD_FRESH_ARTICLE,
        country="KW", genre="ministerial",
        figure={"text": "85 شركة", "value": 85, "unit": "companies", "counts": "exhibiting companies"},
        quote={"text": "المعرض يضم 85 شركة", "kind": "indirect",
               "speaker": "سالم بن راشد البلوشي", "speaker_kind": "person",
               "title": "وزير الصناعة", "organisation": None})


FOURTH_FRESH_ARTICLE = ("fourth-unseen-meeting", "fourth",
                        "اجتمع المجلس أمس. وأوضحت وزيرة التخطيط ليلى حسن العبيدي أن الخطة تشمل 40 مشروعا.\n")


@pytest.fixture
def corpus_with_fresh4(corpus_with_fresh3):
    """The five articles above and a sixth, from a sixth outlet, listed in fresh4.tsv (the fourth held-out set)."""
    return with_held_out_article(
        corpus_with_fresh3, "fresh4", "# fourth held-out set", FOURTH_FRESH_ARTICLE,
        country="IQ", genre="ministerial",
        figure={"text": "40 مشروعا", "value": 40, "unit": "projects", "counts": "projects in the plan"},
        quote={"text": "الخطة تشمل 40 مشروعا", "kind": "indirect",
               "speaker": "ليلى حسن العبيدي", "speaker_kind": "person",
               "title": "وزيرة التخطيط", "organisation": None})


def test_the_fourth_fresh_set_is_left_out_of_the_corpus_and_of_the_studied_sets(corpus_with_fresh4, capsys) -> None:
    paths, facts = corpus_with_fresh4
    benchmark, layout = load("extraction"), load("layout")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    assert [article.name for article in benchmark.corpus_articles(paths, "fresh", **facts)[0]] == [
        "unseen-forum-opening"]
    assert [article.name for article in benchmark.corpus_articles(paths, "fresh2", **facts)[0]] == [
        "second-unseen-summit"]
    assert [article.name for article in benchmark.corpus_articles(paths, "fresh3", **facts)[0]] == [
        "third-unseen-visit"]
    beside_manifest = {name: facts[name] for name in ("manifest", "annotations")}  # the lists found beside it
    assert [article.name for article in benchmark.corpus_articles(paths, **beside_manifest)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS[:3]:
        benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert "fourth-unseen" not in printed and "  fourth (" not in printed and "العبيدي" not in printed


def test_fresh3_is_studied_from_20_00_and_its_table_still_printed(corpus_with_fresh4, capsys) -> None:
    paths, facts = corpus_with_fresh4
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[2].name == "fresh3" and layout.HELD_OUT_SETS[2].studied_since == "2026-12-02 20:00"
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[2], **facts)
    printed = capsys.readouterr().out
    assert ("Third fresh set (bench/corpus/fresh3.tsv; studied from 2026-12-02 20:00 on, no longer held out: "
            "fresh9 is the measure now): 1 articles, 1 outlets") in printed
    assert "FRESH3 (studied)" in printed and "  third (KW)" in printed and "  KW (1 outlets)" in printed
    assert "example" not in printed and "second-unseen" not in printed and "fourth-unseen" not in printed
    assert "third-unseen-visit" in printed  # --misses lists its articles


def test_fresh4_is_studied_from_21_00_and_its_table_still_printed(corpus_with_fresh4, capsys) -> None:
    paths, facts = corpus_with_fresh4
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[3].name == "fresh4" and layout.HELD_OUT_SETS[3].studied_since == "2026-12-02 21:00"
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh4", **facts)
    assert [article.name for article in articles] == ["fourth-unseen-meeting"] and set(countries) == {"fourth"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[3], **facts)
    printed = capsys.readouterr().out
    assert ("Fourth fresh set (bench/corpus/fresh4.tsv; studied from 2026-12-02 21:00 on, no longer held out: "
            "fresh9 is the measure now): 1 articles, 1 outlets") in printed
    assert "FRESH4 (studied)" in printed and "  fourth (IQ)" in printed and "  IQ (1 outlets)" in printed
    assert "example" not in printed and "unseen-forum" not in printed and "third-unseen" not in printed
    assert "fourth-unseen-meeting" in printed  # --misses lists its articles


def test_the_command_line_offers_each_fresh_set(tmp_path: Path, capsys) -> None:
    benchmark = load("extraction")
    benchmark.main(["--fresh9", "--corpus", str(tmp_path)])
    assert "Ninth fresh held-out set (bench/corpus/fresh9.tsv; never tuned on)" in capsys.readouterr().out
    benchmark.main(["--fresh8", "--corpus", str(tmp_path)])
    assert "Eighth fresh set (bench/corpus/fresh8.tsv; studied from 2026-12-02 22:40 on" in capsys.readouterr().out
    benchmark.main(["--fresh7", "--corpus", str(tmp_path)])
    assert "Seventh fresh set (bench/corpus/fresh7.tsv; studied from 2026-12-02 21:50 on" in capsys.readouterr().out
    benchmark.main(["--fresh6", "--corpus", str(tmp_path)])
    assert "Sixth fresh set (bench/corpus/fresh6.tsv; studied from 2026-12-02 21:35 on" in capsys.readouterr().out
    benchmark.main(["--fresh5", "--corpus", str(tmp_path)])
    assert "Fifth fresh set (bench/corpus/fresh5.tsv; studied from 2026-12-02 21:15 on" in capsys.readouterr().out
    benchmark.main(["--fresh4", "--corpus", str(tmp_path)])
    assert "Fourth fresh set (bench/corpus/fresh4.tsv; studied from 2026-12-02 21:00 on" in capsys.readouterr().out
    benchmark.main(["--fresh3", "--corpus", str(tmp_path)])
    assert "Third fresh set (bench/corpus/fresh3.tsv; studied from 2026-12-02 20:00 on" in capsys.readouterr().out
    benchmark.main(["--fresh2", "--corpus", str(tmp_path)])
    assert "Second fresh set (bench/corpus/fresh2.tsv; studied from 2026-12-02 18:00 on" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh4", "--fresh5"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh5", "--fresh6"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh6", "--fresh7"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh7", "--fresh8"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh8", "--fresh9"])


def test_check_names_a_fresh4_id_missing_from_the_manifest_or_in_another_set(corpus_with_fresh4) -> None:
    paths, facts = corpus_with_fresh4
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh4"].write_text("id\nfourth-unseen-meeting\nthird-unseen-visit\nnever-annotated\n",
                                        encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh4.tsv but not in the manifest",
        "third-unseen-visit: in both fresh3.tsv and fresh4.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    assert "third fresh set (fresh3, studied): 1 articles from 1 outlets" in summary
    assert "fourth fresh set (fresh4, studied): 2 articles from 2 outlets" in summary


FIFTH_FRESH_ARTICLE = ("fifth-unseen-briefing", "fifth",
                       ("عقد المتحدث مؤتمرا صحفيا. "
                        "وقال المتحدث باسم الوزارة نبيل سالم الحداد إن الوزارة وزعت 12 ألف سلة.\n"))


@pytest.fixture
def corpus_with_fresh5(corpus_with_fresh4):
    """The six articles above and a seventh, from a seventh outlet, listed in fresh5.tsv (the fifth held-out set)."""
    return with_held_out_article(
        corpus_with_fresh4, "fresh5", "# fifth held-out set", FIFTH_FRESH_ARTICLE,
        country="SO", genre="press-conference",
        figure={"text": "12 ألف سلة", "value": 12000, "unit": "baskets", "counts": "food baskets handed out"},
        quote={"text": "الوزارة وزعت 12 ألف سلة", "kind": "indirect",
               "speaker": "نبيل سالم الحداد", "speaker_kind": "person",
               "title": "المتحدث باسم الوزارة", "organisation": None})


def test_the_fifth_fresh_set_is_left_out_of_the_corpus_and_of_the_studied_sets(corpus_with_fresh5, capsys) -> None:
    paths, facts = corpus_with_fresh5
    benchmark, layout = load("extraction"), load("layout")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh", "unseen-forum-opening"), ("fresh2", "second-unseen-summit"),
                             ("fresh3", "third-unseen-visit"), ("fresh4", "fourth-unseen-meeting")):
        assert [article.name for article in benchmark.corpus_articles(paths, name, **facts)[0]] == [article_id]
    beside_manifest = {name: facts[name] for name in ("manifest", "annotations")}  # the lists found beside it
    assert [article.name for article in benchmark.corpus_articles(paths, **beside_manifest)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS[:4]:
        benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert "fifth-unseen" not in printed and "  fifth (" not in printed and "الحداد" not in printed


def test_fresh5_is_studied_from_21_15_and_its_table_still_printed(corpus_with_fresh5, capsys) -> None:
    paths, facts = corpus_with_fresh5
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[4].name == "fresh5" and layout.HELD_OUT_SETS[4].studied_since == "2026-12-02 21:15"
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh5", **facts)
    assert [article.name for article in articles] == ["fifth-unseen-briefing"] and set(countries) == {"fifth"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[4], **facts)
    printed = capsys.readouterr().out
    assert ("Fifth fresh set (bench/corpus/fresh5.tsv; studied from 2026-12-02 21:15 on, no longer held out: "
            "fresh9 is the measure now): 1 articles, 1 outlets") in printed
    assert "FRESH5 (studied)" in printed and "  fifth (SO)" in printed and "  SO (1 outlets)" in printed
    assert "example" not in printed and "unseen-forum" not in printed and "fourth-unseen" not in printed
    assert "fifth-unseen-briefing" in printed  # --misses lists its articles


def test_check_names_a_fresh5_id_missing_from_the_manifest_or_in_another_set(corpus_with_fresh5) -> None:
    paths, facts = corpus_with_fresh5
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh5"].write_text("id\nfifth-unseen-briefing\nfourth-unseen-meeting\nnever-annotated\n",
                                        encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh5.tsv but not in the manifest",
        "fourth-unseen-meeting: in both fresh4.tsv and fresh5.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    assert "fourth fresh set (fresh4, studied): 1 articles from 1 outlets" in summary
    assert "fifth fresh set (fresh5, studied): 2 articles from 2 outlets" in summary


SIXTH_FRESH_ARTICLE = ("sixth-unseen-summit", "sixth",
                       ("افتتحت القمة أعمالها. "
                        "وأعلنت وزيرة الخارجية ليلى منصور العامري أن القمة ستقر 9 اتفاقيات.\n"))


@pytest.fixture
def corpus_with_fresh6(corpus_with_fresh5):
    """The seven articles above and an eighth, from an eighth outlet, listed in fresh6.tsv (the sixth held-out set)."""
    return with_held_out_article(
        corpus_with_fresh5, "fresh6", "# sixth held-out set", SIXTH_FRESH_ARTICLE,
        country="KR", genre="summit",
        figure={"text": "9 اتفاقيات", "value": 9, "unit": "agreements", "counts": "agreements the summit adopts"},
        quote={"text": "القمة ستقر 9 اتفاقيات", "kind": "indirect",
               "speaker": "ليلى منصور العامري", "speaker_kind": "person",
               "title": "وزيرة الخارجية", "organisation": None})


def test_the_sixth_fresh_set_is_left_out_of_the_corpus_and_of_the_studied_sets(corpus_with_fresh6, capsys) -> None:
    paths, facts = corpus_with_fresh6
    benchmark, layout = load("extraction"), load("layout")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh", "unseen-forum-opening"), ("fresh2", "second-unseen-summit"),
                             ("fresh3", "third-unseen-visit"), ("fresh4", "fourth-unseen-meeting"),
                             ("fresh5", "fifth-unseen-briefing")):
        assert [article.name for article in benchmark.corpus_articles(paths, name, **facts)[0]] == [article_id]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS[:5]:
        benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert "sixth-unseen" not in printed and "  sixth (" not in printed and "العامري" not in printed


def test_fresh6_is_studied_from_21_35_and_its_table_still_printed(corpus_with_fresh6, capsys) -> None:
    paths, facts = corpus_with_fresh6
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[5].name == "fresh6" and layout.HELD_OUT_SETS[5].studied_since == "2026-12-02 21:35"
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh6", **facts)
    assert [article.name for article in articles] == ["sixth-unseen-summit"] and set(countries) == {"sixth"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[5], **facts)
    printed = capsys.readouterr().out
    assert ("Sixth fresh set (bench/corpus/fresh6.tsv; studied from 2026-12-02 21:35 on, no longer held out: "
            "fresh9 is the measure now): 1 articles, 1 outlets") in printed
    assert "FRESH6 (studied)" in printed and "  sixth (KR)" in printed and "  KR (1 outlets)" in printed
    assert "example" not in printed and "unseen-forum" not in printed and "fifth-unseen" not in printed
    assert "sixth-unseen-summit" in printed  # --misses lists its articles


def test_check_names_a_fresh6_id_missing_from_the_manifest_or_in_another_set(corpus_with_fresh6) -> None:
    paths, facts = corpus_with_fresh6
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh6"].write_text("id\nsixth-unseen-summit\nfifth-unseen-briefing\nnever-annotated\n",
                                        encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh6.tsv but not in the manifest",
        "fifth-unseen-briefing: in both fresh5.tsv and fresh6.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    assert "fifth fresh set (fresh5, studied): 1 articles from 1 outlets" in summary
    assert "sixth fresh set (fresh6, studied): 2 articles from 2 outlets" in summary


SEVENTH_FRESH_ARTICLE = ("seventh-unseen-presser", "seventh",
                         ("عقد الوزير مؤتمرا صحفيا. "
                          "وقال المتحدث الرسمي سامر نبيل الحداد إن الحكومة أقرت 12 مشروعا.\n"))


@pytest.fixture
def corpus_with_fresh7(corpus_with_fresh6):
    """The eight articles above and a ninth, from a ninth outlet, listed in fresh7.tsv (the seventh held-out set)."""
    return with_held_out_article(
        corpus_with_fresh6, "fresh7", "# seventh held-out set", SEVENTH_FRESH_ARTICLE,
        country="BR", genre="press-conference",
        figure={"text": "12 مشروعا", "value": 12, "unit": "projects", "counts": "projects the government approved"},
        quote={"text": "الحكومة أقرت 12 مشروعا", "kind": "indirect",
               "speaker": "سامر نبيل الحداد", "speaker_kind": "person",
               "title": "المتحدث الرسمي", "organisation": None})


def test_the_seventh_fresh_set_is_left_out_of_the_corpus_and_of_the_studied_sets(corpus_with_fresh7, capsys) -> None:
    paths, facts = corpus_with_fresh7
    benchmark, layout = load("extraction"), load("layout")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh", "unseen-forum-opening"), ("fresh2", "second-unseen-summit"),
                             ("fresh3", "third-unseen-visit"), ("fresh4", "fourth-unseen-meeting"),
                             ("fresh5", "fifth-unseen-briefing"), ("fresh6", "sixth-unseen-summit")):
        assert [article.name for article in benchmark.corpus_articles(paths, name, **facts)[0]] == [article_id]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS[:6]:
        benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert "seventh-unseen" not in printed and "  seventh (" not in printed and "الحداد" not in printed


def test_fresh7_is_studied_from_21_50_and_its_table_still_printed(corpus_with_fresh7, capsys) -> None:
    paths, facts = corpus_with_fresh7
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[6].name == "fresh7" and layout.HELD_OUT_SETS[6].studied_since == "2026-12-02 21:50"
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh7", **facts)
    assert [article.name for article in articles] == ["seventh-unseen-presser"] and set(countries) == {"seventh"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[6], **facts)
    printed = capsys.readouterr().out
    assert ("Seventh fresh set (bench/corpus/fresh7.tsv; studied from 2026-12-02 21:50 on, no longer held out: "
            "fresh9 is the measure now): 1 articles, 1 outlets") in printed
    assert "FRESH7 (studied)" in printed and "  seventh (BR)" in printed and "  BR (1 outlets)" in printed
    assert "example" not in printed and "unseen-forum" not in printed and "sixth-unseen" not in printed
    assert "seventh-unseen-presser" in printed  # --misses lists its articles


def test_miss_classes_classes_the_studied_sets_and_never_the_held_out_one(corpus_with_fresh9) -> None:
    paths, facts = corpus_with_fresh9
    classes = load("miss_classes")
    assert [article.name for article in classes.articles_to_class(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh8", "eighth-unseen-forum"), ("fresh7", "seventh-unseen-presser"),
                             ("fresh6", "sixth-unseen-summit"),
                             ("fresh5", "fifth-unseen-briefing"), ("fresh4", "fourth-unseen-meeting"),
                             ("fresh3", "third-unseen-visit"), ("fresh2", "second-unseen-summit"),
                             ("fresh", "unseen-forum-opening")):
        assert [article.name for article in classes.articles_to_class(paths, name, **facts)[0]] == [article_id]
    with pytest.raises(ValueError, match="held out"):
        classes.articles_to_class(paths, "fresh9", **facts)
    with pytest.raises(SystemExit):
        classes.main(["--fresh9"])


def test_check_names_a_fresh7_id_missing_from_the_manifest_or_in_another_set(corpus_with_fresh7) -> None:
    paths, facts = corpus_with_fresh7
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh7"].write_text("id\nseventh-unseen-presser\nsixth-unseen-summit\nnever-annotated\n",
                                        encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh7.tsv but not in the manifest",
        "sixth-unseen-summit: in both fresh6.tsv and fresh7.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    assert "sixth fresh set (fresh6, studied): 1 articles from 1 outlets" in summary
    assert "seventh fresh set (fresh7, studied): 2 articles from 2 outlets" in summary


EIGHTH_FRESH_ARTICLE = ("eighth-unseen-forum", "eighth",
                        ("افتتح المنتدى أعماله. "
                         "وقال رئيس المنتدى هاني زكريا الصافي إن الدورة تجمع 40 متحدثا.\n"))


@pytest.fixture
def corpus_with_fresh8(corpus_with_fresh7):
    """The nine articles above and a tenth, from a tenth outlet, listed in fresh8.tsv (the eighth held-out set)."""
    return with_held_out_article(
        corpus_with_fresh7, "fresh8", "# eighth held-out set", EIGHTH_FRESH_ARTICLE,
        country="KG", genre="forum",
        figure={"text": "40 متحدثا", "value": 40, "unit": "speakers", "counts": "speakers of the forum"},
        quote={"text": "الدورة تجمع 40 متحدثا", "kind": "indirect",
               "speaker": "هاني زكريا الصافي", "speaker_kind": "person",
               "title": "رئيس المنتدى", "organisation": None})


def test_the_eighth_fresh_set_is_left_out_of_the_corpus_and_of_the_studied_sets(corpus_with_fresh8, capsys) -> None:
    paths, facts = corpus_with_fresh8
    benchmark, layout = load("extraction"), load("layout")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh", "unseen-forum-opening"), ("fresh2", "second-unseen-summit"),
                             ("fresh3", "third-unseen-visit"), ("fresh4", "fourth-unseen-meeting"),
                             ("fresh5", "fifth-unseen-briefing"), ("fresh6", "sixth-unseen-summit"),
                             ("fresh7", "seventh-unseen-presser")):
        assert [article.name for article in benchmark.corpus_articles(paths, name, **facts)[0]] == [article_id]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS[:7]:
        benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert "eighth-unseen" not in printed and "  eighth (" not in printed and "الصافي" not in printed


def test_fresh8_is_studied_from_22_40_and_its_table_still_printed(corpus_with_fresh8, capsys) -> None:
    paths, facts = corpus_with_fresh8
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[7].name == "fresh8" and layout.HELD_OUT_SETS[7].studied_since == "2026-12-02 22:40"
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh8", **facts)
    assert [article.name for article in articles] == ["eighth-unseen-forum"] and set(countries) == {"eighth"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[7], **facts)
    printed = capsys.readouterr().out
    assert ("Eighth fresh set (bench/corpus/fresh8.tsv; studied from 2026-12-02 22:40 on, no longer held out: "
            "fresh9 is the measure now): 1 articles, 1 outlets") in printed
    assert "FRESH8 (studied)" in printed and "  eighth (KG)" in printed and "  KG (1 outlets)" in printed
    assert "example" not in printed and "unseen-forum-opening" not in printed and "seventh-unseen" not in printed
    assert "eighth-unseen-forum" in printed  # --misses lists its articles


def test_check_names_a_fresh8_id_missing_from_the_manifest_or_in_another_set(corpus_with_fresh8) -> None:
    paths, facts = corpus_with_fresh8
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh8"].write_text("id\neighth-unseen-forum\nseventh-unseen-presser\nnever-annotated\n",
                                        encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh8.tsv but not in the manifest",
        "seventh-unseen-presser: in both fresh7.tsv and fresh8.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    assert "seventh fresh set (fresh7, studied): 1 articles from 1 outlets" in summary
    assert "eighth fresh set (fresh8, studied): 2 articles from 2 outlets" in summary


NINTH_FRESH_ARTICLE = ("ninth-unseen-conference", "ninth",
                       ("اختتم المؤتمر جلساته. "
                        "وقالت وزيرة الثقافة ريم سالم العتيبي إن المؤتمر استقبل 250 باحثا.\n"))


@pytest.fixture
def corpus_with_fresh9(corpus_with_fresh8):
    """The ten articles above and an eleventh, from an eleventh outlet, listed in fresh9.tsv (the ninth
    held-out set)."""
    return with_held_out_article(
        corpus_with_fresh8, "fresh9", "# ninth held-out set", NINTH_FRESH_ARTICLE,
        country="BH", genre="forum",
        figure={"text": "250 باحثا", "value": 250, "unit": "researchers", "counts": "researchers at the conference"},
        quote={"text": "المؤتمر استقبل 250 باحثا", "kind": "indirect",
               "speaker": "ريم سالم العتيبي", "speaker_kind": "person",
               "title": "وزيرة الثقافة", "organisation": None})


def test_the_ninth_fresh_set_is_left_out_of_the_corpus_and_of_the_studied_sets(corpus_with_fresh9, capsys) -> None:
    paths, facts = corpus_with_fresh9
    benchmark, layout = load("extraction"), load("layout")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh", "unseen-forum-opening"), ("fresh2", "second-unseen-summit"),
                             ("fresh3", "third-unseen-visit"), ("fresh4", "fourth-unseen-meeting"),
                             ("fresh5", "fifth-unseen-briefing"), ("fresh6", "sixth-unseen-summit"),
                             ("fresh7", "seventh-unseen-presser"), ("fresh8", "eighth-unseen-forum")):
        assert [article.name for article in benchmark.corpus_articles(paths, name, **facts)[0]] == [article_id]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS[:8]:
        benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert "ninth-unseen" not in printed and "  ninth (" not in printed and "العتيبي" not in printed


def test_fresh9_scores_the_ninth_held_out_set_alone_with_its_misses(corpus_with_fresh9, capsys) -> None:
    paths, facts = corpus_with_fresh9
    benchmark, layout = load("extraction"), load("layout")
    assert layout.HELD_OUT_SETS[-1].name == "fresh9"  # the measure now: report_fresh's default
    assert layout.HELD_OUT_SETS[-1].studied_since is None
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh9", **facts)
    assert [article.name for article in articles] == ["ninth-unseen-conference"] and set(countries) == {"ninth"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, **facts)
    printed = capsys.readouterr().out
    assert "Ninth fresh held-out set (bench/corpus/fresh9.tsv; never tuned on): 1 articles, 1 outlets" in printed
    assert "FRESH9 (held out)" in printed and "  ninth (BH)" in printed and "  BH (1 outlets)" in printed
    assert "example" not in printed and "eighth-unseen" not in printed and "seventh-unseen" not in printed
    assert "ninth-unseen-conference" in printed  # --misses lists its articles


def test_check_names_a_fresh9_id_missing_from_the_manifest_or_in_another_set(corpus_with_fresh9) -> None:
    paths, facts = corpus_with_fresh9
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    facts["lists"]["fresh9"].write_text("id\nninth-unseen-conference\neighth-unseen-forum\nnever-annotated\n",
                                        encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        "never-annotated: in fresh9.tsv but not in the manifest",
        "eighth-unseen-forum: in both fresh8.tsv and fresh9.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    assert "eighth fresh set (fresh8, studied): 1 articles from 1 outlets" in summary
    assert "ninth fresh set (fresh9, held out): 2 articles from 2 outlets" in summary
